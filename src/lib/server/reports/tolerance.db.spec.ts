import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/rules';
import type { ReportFilter } from './filter';
import { reportFixture } from './testing';
import { allTolerance, participantTolerance, reviewList, toleranceParticipants } from './tolerance';

/**
 * The tolerance figures on hand-made data with known answers (definitions in tolerance.ts).
 * Five classes of one series, 3, 5, 10, 12 and 17 Nov:
 * - Ann, pain 1, 3, 2, 2, 5: latest 5 against the lowest of the previous three (2) -> rose by 3.
 *   Exertion 11 (3 Nov); 12 and a 14 edited to 13 (5 Nov) -> 13, the highest current one.
 * - Ben, pain 0, 4, 3, 2, 3: rose by 1 from the previous three's lowest (0 is four classes back).
 * - Cat, HOLD on 5 and 10 Nov, nothing on 12 Nov -> HOLD twice in a row (10 Nov after 5 Nov).
 * - Dan, HOLD on 3 and 10 Nov, a class between without one -> not twice in a row; a HOLD on
 *   12 Nov that was retracted does not count.
 * - Eve, only an attendance mark and a retracted pain on 3 Nov -> no tolerance records (not in the
 *   participant choice), one class with nothing in the CSV.
 */

let fixture: Awaited<ReturnType<typeof reportFixture>>;
const filter: ReportFilter = { from: '2026-11-02', to: '2026-11-22' };
const HOLD: Finding[] = [{ ruleId: 'resting-sbp', action: 'HOLD', verified: true }];
const DAYS = ['03', '05', '10', '12', '17'];
const at = (day: string, minute = '05') => `2026-11-${day}T10:${minute}:00Z`;
const ids: Record<string, string> = {};

beforeAll(async () => {
	fixture = await reportFixture();
	const f = fixture;
	const balance = await f.series('Balance Basics');
	const classes: string[] = [];
	for (const day of DAYS) classes.push(await f.session(balance, `2026-11-${day}T10:00:00Z`));
	for (const name of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve']) ids[name] = await f.participant(name);
	const pain = async (who: string, values: number[]) => {
		for (const [i, value] of values.entries()) {
			await f.entry(classes[i]!, ids[who]!, { kind: 'pain', value }, at(DAYS[i]!));
		}
	};
	await pain('Ann', [1, 3, 2, 2, 5]);
	await pain('Ben', [0, 4, 3, 2, 3]);
	const rpe = (value: number) => ({ kind: 'exertion', scale: 'borg_6_20', value }) as const;
	await f.entry(classes[0]!, ids.Ann!, rpe(11), at('03'));
	await f.entry(classes[1]!, ids.Ann!, rpe(12), at('05'));
	const high = await f.entry(classes[1]!, ids.Ann!, rpe(14), at('05', '20'));
	await f.entry(classes[1]!, ids.Ann!, rpe(13), at('05', '21'), { supersedes: high });

	await f.entry(classes[1]!, ids.Cat!, rpe(13), at('05'), { findings: HOLD });
	await f.entry(classes[2]!, ids.Cat!, rpe(13), at('10'), { findings: HOLD });
	await f.entry(classes[3]!, ids.Cat!, rpe(12), at('12'));

	await f.entry(classes[0]!, ids.Dan!, rpe(13), at('03'), { findings: HOLD });
	await f.entry(classes[1]!, ids.Dan!, rpe(12), at('05'));
	await f.entry(classes[2]!, ids.Dan!, rpe(13), at('10'), { findings: HOLD });
	const retracted = await f.entry(classes[3]!, ids.Dan!, rpe(15), at('12'), { findings: HOLD });
	await f.entry(classes[3]!, ids.Dan!, { kind: 'retraction' }, at('12', '06'), {
		supersedes: retracted
	});

	await f.entry(classes[0]!, ids.Eve!, { kind: 'attendance', status: 'present' }, at('03'));
	const painEve = await f.entry(classes[0]!, ids.Eve!, { kind: 'pain', value: 4 }, at('03', '10'));
	await f.entry(classes[0]!, ids.Eve!, { kind: 'retraction' }, at('03', '11'), {
		supersedes: painEve
	});
});

afterAll(async () => {
	await fixture.database.close();
});

describe('tolerance per class', () => {
	it("gives a participant's highest current exertion and pain per class, in time order", async () => {
		const rows = await participantTolerance(fixture.db, fixture.clinicId, filter, 'UTC', ids.Ann!);
		expect(rows.map((r) => [r.startsAt.toISOString().slice(0, 10), r.rpe, r.pain, r.hold])).toEqual(
			[
				['2026-11-03', 11, 1, false],
				['2026-11-05', 13, 3, false],
				['2026-11-10', null, 2, false],
				['2026-11-12', null, 2, false],
				['2026-11-17', null, 5, false]
			]
		);
	});

	it('lists who has records, and every class of everyone for the CSV', async () => {
		const people = await toleranceParticipants(fixture.db, fixture.clinicId, filter, 'UTC');
		expect(people.map((p) => p.name)).toEqual(['Ann, Pat', 'Ben, Pat', 'Cat, Pat', 'Dan, Pat']);
		const all = await allTolerance(fixture.db, fixture.clinicId, filter, 'UTC');
		// Dan's retracted entry leaves his 12 Nov class with nothing.
		expect(all.filter((r) => r.lastName === 'Dan').map((r) => r.hold)).toEqual([true, false, true]);
		expect(all).toHaveLength(5 + 5 + 3 + 3 + 1);
		expect(all.filter((r) => r.lastName === 'Eve').map((r) => [r.rpe, r.pain])).toEqual([
			[null, null]
		]);
	});
});

describe('review list', () => {
	it('lists a rise in pain of 2 or more and HOLD at two classes in a row, nobody else', async () => {
		const review = await reviewList(fixture.db, fixture.clinicId, filter, 'UTC');
		expect(
			review.map((r) =>
				r.reason === 'pain-rise'
					? [r.reason, r.name, r.at.toISOString().slice(0, 10), r.pain, r.lowest]
					: [r.reason, r.name, r.at.toISOString().slice(0, 10), r.before.toISOString().slice(0, 10)]
			)
		).toEqual([
			['pain-rise', 'Ann, Pat', '2026-11-17', 5, 2],
			['hold-twice', 'Cat, Pat', '2026-11-10', '2026-11-05']
		]);
	});

	it('looks only within the filter', async () => {
		const early = await reviewList(
			fixture.db,
			fixture.clinicId,
			{ ...filter, to: '2026-11-06' },
			'UTC'
		);
		// Ann: 3 then 1 -> rose by 2 on 5 Nov; Ben: 4 after 0 -> rose by 4.
		expect(early.map((r) => [r.reason, r.name])).toEqual([
			['pain-rise', 'Ann, Pat'],
			['pain-rise', 'Ben, Pat']
		]);
	});
});
