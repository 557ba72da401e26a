import { describe, expect, it } from 'vitest';
import { csvQuerySchema, fhirQuerySchema, parseQuery, rangeInstants } from './query';

const csv = (query: string) => parseQuery(csvQuerySchema, new URLSearchParams(query));
const fhir = (query: string) => parseQuery(fhirQuerySchema, new URLSearchParams(query));
const ID = '3f1b8a86-1a6e-4a55-9a0e-8a1f2a0d8c11';

describe('export queries', () => {
	it('takes a range with an optional room or series (blank means any)', () => {
		expect(csv(`file=notes&from=2026-01-01&to=2026-01-31&roomId=&seriesId=${ID}`)).toEqual({
			ok: true,
			query: { file: 'notes', from: '2026-01-01', to: '2026-01-31', seriesId: ID }
		});
	});

	it('refuses a reversed range, one of more than 400 days, and a bad date, with codes', () => {
		expect(csv('file=notes&from=2026-02-01&to=2026-01-31')).toEqual({
			ok: false,
			refusal: { code: 'exports.range-reversed', field: 'to' }
		});
		expect(csv('file=notes&from=2025-01-01&to=2026-02-04').ok).toBe(true);
		expect(csv('file=notes&from=2025-01-01&to=2026-02-05')).toEqual({
			ok: false,
			refusal: { code: 'exports.range-too-long', field: 'to' }
		});
		expect(csv('file=notes&from=2026-02-30&to=2026-03-01')).toMatchObject({
			refusal: { code: 'exports.bad-date' }
		});
		expect(csv('file=passwords&from=2026-01-01&to=2026-01-01')).toMatchObject({
			refusal: { code: 'exports.bad-file' }
		});
		expect(csv(`file=notes&from=2026-01-01&to=2026-01-01&roomId=1' or '1'='1`)).toMatchObject({
			refusal: { code: 'exports.bad-id' }
		});
	});

	it('needs the class for a class bundle, the participant and range for a participant bundle', () => {
		expect(fhir(`scope=session&sessionId=${ID}`)).toEqual({
			ok: true,
			query: { scope: 'session', sessionId: ID }
		});
		expect(fhir('scope=session')).toMatchObject({ refusal: { code: 'exports.choose-session' } });
		expect(fhir('scope=participant&from=2026-01-01&to=2026-01-02')).toMatchObject({
			refusal: { code: 'exports.choose-participant' }
		});
		expect(fhir(`scope=participant&participantId=${ID}`)).toMatchObject({
			refusal: { code: 'exports.bad-date' }
		});
		expect(fhir('scope=everything')).toMatchObject({ refusal: { code: 'exports.bad-scope' } });
	});

	it("reads the dates in the clinic's zone, the last day included", () => {
		expect(rangeInstants('2026-03-01', '2026-03-01', 'America/Chicago')).toEqual({
			start: new Date('2026-03-01T06:00:00Z'),
			end: new Date('2026-03-02T06:00:00Z')
		});
	});
});
