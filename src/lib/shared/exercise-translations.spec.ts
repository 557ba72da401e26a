import { describe, expect, it } from 'vitest';
import { exerciseWordsIn } from './exercise-translations';

const calf = {
	name: 'Calf raises',
	displayCue: 'Rise onto your toes.',
	technicianNotes: 'Slowly.'
};

describe("an exercise's words in a language", () => {
	it('are its translation, each word falling back to English on its own, and say which did', () => {
		const translations = { es: { name: 'Elevación de talones', displayCue: '  ' } };
		expect(exerciseWordsIn(calf, translations, 'es')).toEqual({
			name: 'Elevación de talones',
			displayCue: 'Rise onto your toes.',
			technicianNotes: 'Slowly.',
			untranslated: ['displayCue', 'technicianNotes']
		});
		expect(exerciseWordsIn(calf, {}, 'es').untranslated).toEqual([
			'name',
			'displayCue',
			'technicianNotes'
		]);
		expect(exerciseWordsIn(calf, translations, 'en')).toEqual({ ...calf, untranslated: [] });
	});
});
