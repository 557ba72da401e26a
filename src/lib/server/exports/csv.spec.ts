import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { wording } from '../../shared/rules';
import { CSV_COLUMNS, classlessRows, csvRows, csvText } from './csv';
import { CSV_FILES, type CsvFile } from './query';
import { PAGE_IDS, classPage, classlessPage } from './testing';

const words = wording('en');
const fileOf = (file: CsvFile) =>
	csvText(file, [...csvRows(file, classPage(), 'UTC', words)], true);
const recordsOf = (file: CsvFile) =>
	parse(fileOf(file), { columns: true, bom: true }) as Record<string, string>[];

describe('CSV exports', () => {
	it('writes a header of the documented columns, then one row per record, for every file', () => {
		for (const file of CSV_FILES) {
			const [header] = parse(fileOf(file), { bom: true, to: 1 }) as string[][];
			expect(header).toEqual(CSV_COLUMNS[file]);
		}
		expect(recordsOf('attendance')).toHaveLength(3);
		expect(recordsOf('tolerance')).toHaveLength(4);
		expect(recordsOf('adverse-events')).toHaveLength(1);
		expect(recordsOf('notes')).toHaveLength(1);
		expect(recordsOf('outcome-tests')).toHaveLength(3);
	});

	it('starts with a BOM and ends rows with CRLF, so spreadsheet programs read UTF-8', () => {
		const text = fileOf('notes');
		expect(text.startsWith('\ufeff')).toBe(true);
		expect(text).toContain('\r\n');
	});

	it('neutralises formulas: a text cell starting with = + - @ gets a leading quote', () => {
		const [note] = recordsOf('notes');
		expect(note!.response).toBe(`'=HYPERLINK("http://evil")`);
		expect(note!.last_name).toBe(`'@Lopez`);
		const [event] = recordsOf('adverse-events');
		expect(event!.action_taken).toBe(`'-sat down, checked`);
		expect(event!.who_was_told).toBe(`'+1 555 0100 (daughter)`);
	});

	it('neutralises a cell that starts with a tab or a carriage return', () => {
		const text = csvText('notes', [['\tcmd', '\rcmd', 'plain']], false);
		const [row] = parse(text, { relax_column_count: true }) as string[][];
		expect(row).toEqual([`'\tcmd`, `'\rcmd`, 'plain']);
	});

	it('quotes a bare line break, so a note of two lines stays one row', () => {
		const text = csvText('notes', [['line one\nline two', 'x']], false);
		expect(parse(text)).toEqual([['line one\nline two', 'x']]);
	});

	it('keeps numbers as numbers, negative ones too (no quote before a minus sign)', () => {
		const text = csvText('notes', [[-3, 4.5, '-3']], false);
		expect(text.trim()).toBe(`-3,4.5,'-3`);
	});

	it('quotes cells with commas, quotes and newlines, and reads them back unchanged', () => {
		const [note] = recordsOf('notes');
		expect(note!.cues).toBe('Verbal cues, "stand tall"\nthen, tactile');
		expect(fileOf('notes')).toContain('"Verbal cues, ""stand tall""\nthen, tactile"');
	});

	it('gives attendance per place, with the mark, and the waitlisted without one', () => {
		const rows = recordsOf('attendance');
		const byId = new Map(rows.map((r) => [r.participant_id, r]));
		expect(byId.get(PAGE_IDS.ana)).toMatchObject({
			place: 'enrolled',
			attendance: 'present',
			mrn: 'MRN-0042',
			session_status: 'completed',
			date: '2026-03-03'
		});
		expect(byId.get(PAGE_IDS.ben)!.attendance).toBe('absent');
		expect(byId.get(PAGE_IDS.cid)).toMatchObject({ place: 'waitlisted', attendance: '' });
	});

	it('writes vital signs with their flags as codes and in words', () => {
		const vitals = recordsOf('tolerance').find((r) => r.kind === 'vitals')!;
		expect(vitals).toMatchObject({
			timing: 'before',
			systolic_mmhg: '182',
			diastolic_mmhg: '90',
			heart_rate_bpm: '72',
			spo2_percent: '96',
			glucose_mg_dl: '110',
			temperature_c: '36.8',
			flag_codes: 'HOLD:resting-sbp-180'
		});
		expect(vitals.flag_words).toBe('HOLD: Resting systolic ≥ 180 mmHg');
		const exertion = recordsOf('tolerance').filter((r) => r.kind === 'exertion');
		expect(exertion.map((r) => [r.exertion_scale, r.exertion])).toEqual([
			['borg_6_20', '13'],
			['borg_cr10', '4.5']
		]);
	});

	it('writes the note state, the signer and co-signer and the number of addenda', () => {
		const [note] = recordsOf('notes');
		expect(note).toMatchObject({
			state: 'amended',
			signer_name: 'Lee Park',
			signer_credentials: 'PTA',
			cosigner_name: 'Rosa Díaz',
			cosigner_credentials: 'PT, DPT',
			addenda: '1'
		});
		expect(note!.signed_at).toBe('2026-03-03T15:50:00.000Z');
	});

	it('writes outcome tests: result fields, score, verdict against the cut-off, tester', () => {
		const [chair, tug, balance] = recordsOf('outcome-tests');
		expect(chair).toMatchObject({
			date: '2026-03-03',
			session_id: PAGE_IDS.session,
			class: 'Steady Balance',
			participant_id: PAGE_IDS.ana,
			last_name: `'@Lopez`,
			mrn: 'MRN-0042',
			test: 'chair_stand_30s',
			loinc: '66247-8',
			chair_stands: '9',
			arms_used: 'false',
			tug_seconds: '',
			score: '9',
			verdict: 'flag',
			cutoff: '10',
			verdict_words: 'Below average (under 10 for age and sex)',
			tester_name: 'Lee Park',
			tester_credentials: 'PTA',
			note: ''
		});
		expect(tug).toMatchObject({
			test: 'tug',
			tug_seconds: '13.5',
			assistive_device: 'walker',
			score: '13.5',
			verdict: 'flag',
			cutoff: '12',
			// A note is text: a leading = is neutralised like any other cell.
			note: `'=turned slowly`
		});
		expect(balance).toMatchObject({
			test: 'four_stage_balance',
			loinc: '',
			balance_stage: '3',
			balance_seconds: '4',
			score: '2.4',
			verdict: 'flag',
			cutoff: '10'
		});
	});

	it('writes a test recorded about no class with its own day and the class columns empty', () => {
		const text = csvText('outcome-tests', [...classlessRows(classlessPage(), 'UTC', words)], true);
		const [row] = parse(text, { columns: true, bom: true }) as Record<string, string>[];
		expect(row).toMatchObject({
			date: '2026-03-10',
			starts_at: '',
			session_id: '',
			class: '',
			participant_id: PAGE_IDS.ben,
			recorded_at: '2026-03-10T16:00:00.000Z',
			chair_stands: '14',
			verdict: 'ok',
			cutoff: '11'
		});
	});
});
