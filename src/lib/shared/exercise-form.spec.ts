import { describe, expect, it } from 'vitest';
import {
	DISPLAY_CUE_MAX,
	EMPTY_EXERCISE_FORM,
	exerciseFormInput,
	exerciseFormValues,
	parseExerciseForm,
	type ExerciseFormInput
} from './exercise-form';
import { readExerciseFilters } from './exercise-filters';

const valid: ExerciseFormInput = {
	...EMPTY_EXERCISE_FORM,
	name: '  Heel  raises ',
	displayCue: 'Rise onto your toes, then lower slowly.',
	category: 'strength',
	dosingKind: 'reps',
	reps: '10',
	secondsPerRep: '4',
	sets: '2',
	restBetweenSetsSeconds: '30',
	perSide: false,
	'tier.seated': 'Sit tall. Lift both heels.',
	equipment: 'Chair, chair , resistance  band',
	contraindications: 'acute ankle pain'
};

describe('exercise form', () => {
	it('turns a valid form into an exercise with a dosing the timeline accepts', () => {
		const result = parseExerciseForm(valid);
		expect(result).toEqual({
			ok: true,
			values: {
				name: 'Heel raises',
				displayCue: 'Rise onto your toes, then lower slowly.',
				technicianNotes: '',
				category: 'strength',
				dosing: {
					kind: 'reps',
					reps: 10,
					secondsPerRep: 4,
					sets: 2,
					restBetweenSetsSeconds: 30,
					perSide: false
				},
				supportTiers: { seated: 'Sit tall. Lift both heels.' },
				equipment: ['chair', 'resistance band'],
				waterDepth: null,
				contraindications: ['acute ankle pain'],
				source: '',
				translations: {}
			}
		});
	});

	it('keeps the Spanish words given, and no Spanish entry when none is', () => {
		const spanish = parseExerciseForm({
			...valid,
			'es.name': '  Elevación   de talones ',
			'es.displayCue': 'Suba los talones.',
			'es.technicianNotes': ''
		});
		expect(spanish.ok && spanish.values.translations).toEqual({
			es: { name: 'Elevación de talones', displayCue: 'Suba los talones.' }
		});
		const long = parseExerciseForm({ ...valid, 'es.displayCue': 'x'.repeat(81) });
		expect(long.ok ? null : long.problems['es.displayCue']).toEqual({
			code: 'exercise-form.cue-es-too-long',
			params: { max: 80 }
		});
	});

	it('reads a hold x reps dose from its own fields and ignores the other kinds', () => {
		const result = parseExerciseForm({
			...valid,
			dosingKind: 'hold',
			holdSeconds: '10',
			holdReps: '5',
			restBetweenRepsSeconds: '5',
			reps: 'not checked',
			perSide: true
		});
		expect(result.ok && result.values.dosing).toEqual({
			kind: 'hold',
			holdSeconds: 10,
			reps: 5,
			restBetweenRepsSeconds: 5,
			sets: 2,
			restBetweenSetsSeconds: 30,
			perSide: true
		});
	});

	it('caps the display cue so it stays readable on the wall', () => {
		const long = parseExerciseForm({ ...valid, displayCue: 'x'.repeat(DISPLAY_CUE_MAX + 1) });
		expect(long).toEqual({
			ok: false,
			problems: {
				displayCue: { code: 'exercise-form.cue-too-long', params: { max: DISPLAY_CUE_MAX } }
			}
		});
		expect(parseExerciseForm({ ...valid, displayCue: 'x'.repeat(DISPLAY_CUE_MAX) }).ok).toBe(true);
	});

	it('reports every bad field under its own name', () => {
		const result = parseExerciseForm({
			...valid,
			name: ' ',
			category: 'yoga',
			reps: '0',
			secondsPerRep: '2.5',
			sets: '',
			'tier.standing': 'y'.repeat(81),
			waterDepth: 'ocean'
		});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems).toEqual({
			name: { code: 'exercise-form.name-missing', params: { min: 1 } },
			category: { code: 'exercise-form.choose-category' },
			reps: { code: 'exercise-form.number-range', params: { min: 1, max: 100, unit: 'reps' } },
			secondsPerRep: {
				code: 'exercise-form.number-not-whole',
				params: { min: 1, max: 60, unit: 'seconds' }
			},
			sets: { code: 'exercise-form.number-range', params: { min: 1, max: 10, unit: 'sets' } },
			'tier.standing': { code: 'exercise-form.standing-too-long', params: { max: 80 } },
			waterDepth: { code: 'exercise-form.choose-depth' }
		});
	});

	it('refuses an unknown dosing kind', () => {
		const result = parseExerciseForm({ ...valid, dosingKind: 'forever' });
		expect(!result.ok && result.problems.dosingKind).toEqual({
			code: 'exercise-form.choose-dosing'
		});
	});

	it('round-trips a stored exercise through the form', () => {
		const parsed = parseExerciseForm(valid);
		if (!parsed.ok) throw new Error('valid form refused');
		expect(parseExerciseForm(exerciseFormValues(parsed.values))).toEqual(parsed);
	});

	it('reads a posted form: a missing checkbox is off, missing text is empty', () => {
		const form = new FormData();
		form.set('name', 'Sit to stand');
		const input = exerciseFormInput(form);
		expect(input.name).toBe('Sit to stand');
		expect(input.displayCue).toBe('');
		expect(input.perSide).toBe(false);
		form.set('perSide', 'on');
		expect(exerciseFormInput(form).perSide).toBe(true);
	});
});

describe('library filters', () => {
	it('reads known choices from the query string and ignores anything else', () => {
		const filters = readExerciseFilters(
			new URLSearchParams(
				'q= heel &category=strength&tier=seated&depth=lava&equipment=Chair&archived=1'
			)
		);
		expect(filters).toEqual({
			q: 'heel',
			category: 'strength',
			equipment: 'chair',
			tier: 'seated',
			depth: null,
			archived: true
		});
		expect(readExerciseFilters(new URLSearchParams('category=yoga')).category).toBeNull();
	});
});
