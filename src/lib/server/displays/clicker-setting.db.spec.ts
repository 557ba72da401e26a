import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { rooms } from '../db/schema';
import { saveRoom } from '../planning/rooms';
import { roomFormSchema } from '../../shared/planning/forms';
import { recentSettingChanges } from '../settings/setting-changes';
import { englishLines } from '../testing/setting-lines';
import { demoClinicDatabase, demoStaff } from '../testing/demo-clinic';

/** The rooms form's clicker setting: a checkbox, off unless ticked, and audited when changed. */

let database: DatabaseHandle;
let clinicId: string;
let gymId: string;
let userId: string;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase());
	gymId = (await database.db.select().from(rooms).where(eq(rooms.name, 'Gym A')))[0]!.id;
	userId = (await demoStaff(database.db, clinicId, 'coordinator')).id;
});
afterAll(() => database.close());

// What the form posts for Gym A: a checkbox is sent as "on" when ticked, and not at all when not.
const posted = { name: 'Gym A', kind: 'gym', capacity: '12', waterTempMinC: '', waterTempMaxC: '' };
/** As the route hands it over: parsed. */
const parsed = (input: Record<string, unknown>) => roomFormSchema.parse(input);
const form = parsed(posted);
const controls = async () =>
	(await database.db.select().from(rooms).where(eq(rooms.id, gymId)))[0]!.displayControls;

describe('clicker control per room', () => {
	it('is off by default, on when ticked, off again when the box is left empty', async () => {
		expect(await controls()).toBe(false);
		const on = await saveRoom(
			database.db,
			clinicId,
			gymId,
			parsed({ ...posted, displayControls: 'on' }),
			userId
		);
		expect(on).toEqual({ ok: true, id: gymId });
		expect(await controls()).toBe(true);
		expect(await saveRoom(database.db, clinicId, gymId, form, userId)).toEqual({
			ok: true,
			id: gymId
		});
		expect(await controls()).toBe(false);
	});

	it('every change is in the settings audit, saying who and which room; a save without one is not', async () => {
		await saveRoom(database.db, clinicId, gymId, form, userId);
		const changes = await recentSettingChanges(database.db, clinicId);
		const lines = changes.flatMap((change) =>
			englishLines(change).map((line) => `${change.by}: ${line}`)
		);
		expect(lines.filter((line) => line.includes('Clicker'))).toEqual([
			'Casey Morgan: Clicker control in Gym A: on → off',
			'Casey Morgan: Clicker control in Gym A: off → on'
		]);
	});

	it('a new room starts with it as the form says', async () => {
		const made = await saveRoom(
			database.db,
			clinicId,
			null,
			parsed({ ...posted, name: 'Gym B', displayControls: 'on' })
		);
		expect(made.ok).toBe(true);
		const [row] = await database.db.select().from(rooms).where(eq(rooms.name, 'Gym B'));
		expect(row!.displayControls).toBe(true);
	});
});
