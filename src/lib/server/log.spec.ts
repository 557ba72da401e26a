import { describe, expect, it } from 'vitest';
import { serializeError } from './log';

describe('serializeError', () => {
	it('keeps the query and the reason but drops parameter values, which may be PHI', () => {
		const error = new Error(
			'Failed query: select * from participants where last_name = $1\nparams: Okafor',
			{ cause: new Error('column "x" does not exist') }
		);
		const logged = JSON.stringify(serializeError(error));
		expect(logged).toContain('select * from participants');
		expect(logged).toContain('column \\"x\\" does not exist');
		expect(logged).not.toContain('Okafor');
	});
});
