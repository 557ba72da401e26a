import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';

/**
 * Migration 0013 on a clinic that had series before class types: every clinic gets the three
 * built-ins, and its series and sessions point at the built-in of their kind.
 */
const before = mkdtempSync(path.join(tmpdir(), 'steady-0012-'));
afterAll(() => rmSync(before, { recursive: true, force: true }));

describe('migration 0013 (class types)', () => {
	it('gives existing clinics the built-ins and backfills their series and sessions', async () => {
		// The migrations as they were before 0013.
		cpSync(path.resolve('drizzle'), before, { recursive: true });
		const journalPath = path.join(before, 'meta', '_journal.json');
		const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
		journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 13);
		writeFileSync(journalPath, JSON.stringify(journal));

		const handle = await openDatabase({ memory: true });
		try {
			await handle.migrate(before);
			const ids = await handle.transaction('write', async (run) => {
				const one = async (text: string, params: unknown[]) => (await run(text, params))[0]!.id;
				const clinics = [];
				for (const name of ['North', 'South']) {
					const clinic = await one(
						`insert into clinics (name, time_zone) values ($1, 'UTC') returning id`,
						[name]
					);
					const room = await one(
						`insert into rooms (clinic_id, name, kind, capacity) values ($1, 'Pool', 'pool', 8) returning id`,
						[clinic]
					);
					const routine = await one(
						`insert into routines (clinic_id, name) values ($1, 'R') returning id`,
						[clinic]
					);
					const version = await one(
						`insert into routine_versions (routine_id, version) values ($1, 1) returning id`,
						[routine]
					);
					const series = await one(
						`insert into class_series (clinic_id, name, type, room_id, routine_id, capacity, rrule, start_time, duration_minutes, starts_on)
						 values ($1, 'Aqua', 'aquatic', $2, $3, 8, 'FREQ=WEEKLY;BYDAY=MO', '10:00', 45, '2026-11-30') returning id`,
						[clinic, room, routine]
					);
					const session = await one(
						`insert into class_sessions (clinic_id, series_id, name, type, room_id, routine_version_id, capacity, starts_at, duration_minutes)
						 values ($1, $2, 'Aqua', 'aquatic', $3, $4, 8, '2026-11-30T10:00:00Z', 45) returning id`,
						[clinic, series, room, version]
					);
					clinics.push({ clinic, series, session });
				}
				return clinics;
			});

			await handle.migrate(path.resolve('drizzle'));

			const types = await handle.transaction('snapshot', (run) =>
				run(
					`select id, clinic_id, kind, name, builtin, archived_at from class_types order by clinic_id, kind`
				)
			);
			for (const { clinic, series, session } of ids) {
				const own = types.filter((t) => t.clinic_id === clinic);
				expect(own.map((t) => [t.kind, t.name, t.builtin, t.archived_at])).toEqual([
					['balance', null, true, null],
					['core', null, true, null],
					['aquatic', null, true, null]
				]);
				const aquatic = own.find((t) => t.kind === 'aquatic')!.id;
				const [s] = await handle.transaction('snapshot', (run) =>
					run(`select class_type_id from class_series where id = $1`, [series])
				);
				const [c] = await handle.transaction('snapshot', (run) =>
					run(`select class_type_id from class_sessions where id = $1`, [session])
				);
				expect(s!.class_type_id).toBe(aquatic);
				expect(c!.class_type_id).toBe(aquatic);
			}
		} finally {
			await handle.close();
		}
	});
});
