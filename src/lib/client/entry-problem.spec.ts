import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import { refusalProblem } from './entry-problem';

describe('a refused entry on the phone', () => {
	it('keeps a signed note as its own code, worded "Note signed: add an addendum"', () => {
		const problem = refusalProblem({ code: 'note-signed' });
		expect(problem).toEqual({ code: 'refusal.note-signed' });
		expect(translate('en', problem.code)).toBe('Note signed: add an addendum');
		expect(translate('es', problem.code)).toBe('Nota firmada: añada una adenda');
	});

	it('still says something for a code from a newer server', () => {
		expect(refusalProblem({ code: 'from-the-future' })).toEqual({
			code: 'refusal.unknown-code',
			params: { code: 'from-the-future' }
		});
	});
});
