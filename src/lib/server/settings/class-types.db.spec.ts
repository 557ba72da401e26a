import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { classSeries, classSessions, classTypes, rooms, routines } from '../db/schema';
import { problemsOf } from '../../i18n/problem';
import { classTypeFormSchema } from '../../shared/class-types';
import { seriesFormSchema } from '../../shared/planning/forms';
import { classMinutesFor } from '../../shared/planning/prefill';
import { plannedTotalMs } from '../../shared/timeline';
import { buildPlan } from '../live/plan';
import { routinePrefill, saveSeries, seriesChoices, seriesFormValues } from '../planning/series';
import { demoClinicDatabase, demoStaff, otherClinic } from '../testing/demo-clinic';
import {
	addClassType,
	ensureBuiltinClassTypes,
	listClassTypes,
	renameClassType,
	resolveClassType,
	setClassTypeArchived
} from './class-types';

let database: DatabaseHandle;
let clinicId: string;
let elsewhere: string;
let gymId: string;
let poolId: string;
let jordan: string;
const now = new Date('2026-11-26T15:00:00Z');

const routineNamed = async (name: string) =>
	(await database.db.select().from(routines).where(eq(routines.name, name)))[0]!;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now));
	const db = database.db;
	const roomRows = await db.select().from(rooms).where(eq(rooms.clinicId, clinicId));
	gymId = roomRows.find((r) => r.kind === 'gym')!.id;
	poolId = roomRows.find((r) => r.kind === 'pool')!.id;
	jordan = (await demoStaff(db, clinicId, 'technician')).id;
	elsewhere = await otherClinic(db);
});
afterAll(() => database.close());

const form = (input: Record<string, unknown>) => classTypeFormSchema.safeParse(input);

describe('class types: the list', () => {
	it('gives the demo clinic the three built-ins, unnamed (the catalog words them), once', async () => {
		await ensureBuiltinClassTypes(database.db, clinicId);
		const types = await listClassTypes(database.db, clinicId);
		expect(types.map((t) => [t.kind, t.name, t.builtin])).toEqual([
			['balance', null, true],
			['core', null, true],
			['aquatic', null, true]
		]);
	});

	it('gives a clinic made later its built-ins the first time they are asked for', async () => {
		const before = await database.db
			.select()
			.from(classTypes)
			.where(eq(classTypes.clinicId, elsewhere));
		expect(before).toEqual([]);
		expect((await listClassTypes(database.db, elsewhere)).map((t) => t.kind)).toEqual([
			'balance',
			'core',
			'aquatic'
		]);
	});

	it('has the demo series and sessions scheduled as their built-in type', async () => {
		const types = await listClassTypes(database.db, clinicId);
		const series = await database.db
			.select()
			.from(classSeries)
			.where(eq(classSeries.clinicId, clinicId));
		expect(series.length).toBeGreaterThan(0);
		for (const row of series) {
			expect(types.find((t) => t.id === row.classTypeId)?.kind).toBe(row.type);
		}
		const orphans = await database.db
			.select()
			.from(classSessions)
			.where(and(eq(classSessions.clinicId, clinicId)));
		expect(orphans.every((s) => s.classTypeId !== null)).toBe(true);
	});
});

describe('class types: adding, renaming, archiving', () => {
	it('refuses a blank, too long or kindless type at the form', () => {
		expect(problemsOf(form({ name: '   ', kind: 'core' }).error!)).toMatchObject({
			name: { code: 'class-types.name-required' }
		});
		expect(problemsOf(form({ name: 'x'.repeat(41), kind: 'core' }).error!)).toEqual({
			name: { code: 'field.too-long', params: { max: 40 } }
		});
		expect(problemsOf(form({ name: 'Pilates', kind: 'yoga' }).error!)).toEqual({
			kind: { code: 'field.choose' }
		});
		expect(form({ name: '  Pilates  ', kind: 'core' }).data).toEqual({
			name: 'Pilates',
			kind: 'core'
		});
	});

	it('adds a type; a name in use in the clinic (any case, a built-in in any language) is refused', async () => {
		const added = await addClassType(database.db, clinicId, { name: 'Pilates', kind: 'core' });
		expect(added).toMatchObject({ ok: true, changed: true });
		for (const name of ['pilates', 'PILATES ', 'Balance', 'acuática', 'Tronco']) {
			expect(await addClassType(database.db, clinicId, { name, kind: 'core' })).toEqual({
				ok: false,
				problems: { name: { code: 'class-types.name-taken', params: { name } } }
			});
		}
		// Another clinic's names are its own.
		expect(
			await addClassType(database.db, elsewhere, { name: 'Pilates', kind: 'balance' })
		).toMatchObject({ ok: true });
		const names = (await listClassTypes(database.db, clinicId)).map((t) => t.name);
		expect(names.filter((n) => n?.toLowerCase() === 'pilates')).toEqual(['Pilates']);
	});

	it('renames a type (a built-in too), refusing a taken name and another clinic’s type', async () => {
		const types = await listClassTypes(database.db, clinicId);
		const core = types.find((t) => t.builtin && t.kind === 'core')!;
		const pilates = types.find((t) => t.name === 'Pilates')!;
		expect(await renameClassType(database.db, clinicId, core.id, 'Pilates')).toMatchObject({
			ok: false,
			problems: { name: { code: 'class-types.name-taken' } }
		});
		expect(await renameClassType(database.db, clinicId, core.id, 'Core & Trunk')).toMatchObject({
			ok: true,
			changed: true
		});
		expect(await renameClassType(database.db, clinicId, core.id, 'Core & Trunk')).toMatchObject({
			ok: true,
			changed: false
		});
		expect(await renameClassType(database.db, elsewhere, pilates.id, 'Mine')).toEqual({
			ok: false,
			problems: { form: { code: 'class-types.not-found' } }
		});
		const [stored] = await database.db
			.select()
			.from(classTypes)
			.where(eq(classTypes.id, pilates.id));
		expect(stored!.name).toBe('Pilates');
	});

	it('archives a type (its name free again) and restores it unless the name was taken', async () => {
		const pilates = (await listClassTypes(database.db, clinicId)).find(
			(t) => t.name === 'Pilates'
		)!;
		expect(await setClassTypeArchived(database.db, elsewhere, pilates.id, true)).toMatchObject({
			ok: false
		});
		expect(await setClassTypeArchived(database.db, clinicId, pilates.id, true, now)).toMatchObject({
			ok: true
		});
		expect((await listClassTypes(database.db, clinicId)).some((t) => t.id === pilates.id)).toBe(
			false
		);
		expect(
			(await listClassTypes(database.db, clinicId, { archived: true })).find(
				(t) => t.id === pilates.id
			)?.archived
		).toBe(true);
		// Archived twice: not found (nothing changed).
		expect(await setClassTypeArchived(database.db, clinicId, pilates.id, true)).toMatchObject({
			ok: false,
			problems: { form: { code: 'class-types.not-found' } }
		});
		const again = await addClassType(database.db, clinicId, { name: 'pilates', kind: 'balance' });
		expect(again).toMatchObject({ ok: true });
		expect(await setClassTypeArchived(database.db, clinicId, pilates.id, false)).toMatchObject({
			ok: false,
			problems: { name: { code: 'class-types.name-taken' } }
		});
		await setClassTypeArchived(database.db, clinicId, again.ok ? again.id : '', true, now);
		expect(await setClassTypeArchived(database.db, clinicId, pilates.id, false)).toMatchObject({
			ok: true
		});
	});
});

describe('class types in a series', () => {
	const saturday = (type: string, roomId = gymId, name = 'Saturday class', startTime = '16:00') =>
		seriesFormSchema.parse({
			name,
			type,
			roomId,
			routineId: '00000000-0000-4000-8000-000000000000',
			leadUserId: jordan,
			assistantUserIds: [],
			capacity: '4',
			exertionScale: 'borg_6_20',
			days: ['SA'],
			startTime,
			durationMinutes: '30',
			startsOn: '2026-11-28',
			endsOn: ''
		});
	const withRoutine = async (type: string, roomId = gymId, name?: string, time?: string) => ({
		...saturday(type, roomId, name, time),
		routineId: (await routineNamed('Balance Basics')).id
	});

	it('offers the clinic’s types: built-ins by kind, its own by id, archived ones marked', async () => {
		const choices = await seriesChoices(database.db, clinicId);
		const pilates = choices.classTypes.find((t) => t.name === 'Pilates')!;
		expect(choices.classTypes.slice(0, 3).map((t) => t.value)).toEqual([
			'balance',
			'core',
			'aquatic'
		]);
		expect(pilates.value).toMatch(/^[0-9a-f-]{36}$/);
		expect(choices.classTypes.find((t) => t.name === 'pilates')?.archived).toBe(true);
	});

	it('schedules a series as a custom type, following its kind’s rules', async () => {
		const aquaJog = await addClassType(database.db, clinicId, {
			name: 'Aqua jogging',
			kind: 'aquatic'
		});
		const id = aquaJog.ok ? aquaJog.id : '';
		// An aquatic kind needs a pool; nothing is written.
		expect(await saveSeries(database.db, clinicId, null, await withRoutine(id), now)).toEqual({
			ok: false,
			problems: { roomId: { code: 'planning.aquatic-needs-pool' } }
		});
		const saved = await saveSeries(database.db, clinicId, null, await withRoutine(id, poolId), now);
		expect(saved.ok).toBe(true);
		const seriesId = saved.ok ? saved.id : '';
		const [series] = await database.db
			.select()
			.from(classSeries)
			.where(eq(classSeries.id, seriesId));
		expect(series).toMatchObject({ type: 'aquatic', classTypeId: id });
		const sessions = await database.db
			.select()
			.from(classSessions)
			.where(eq(classSessions.seriesId, seriesId));
		expect(sessions.length).toBeGreaterThan(0);
		expect(sessions.every((s) => s.type === 'aquatic' && s.classTypeId === id)).toBe(true);
		expect((await seriesFormValues(database.db, clinicId, seriesId))?.type).toBe(id);

		// Archived: new series cannot choose it; its own series keeps it when edited.
		await setClassTypeArchived(database.db, clinicId, id, true, now);
		expect(
			await saveSeries(database.db, clinicId, null, await withRoutine(id, poolId, 'Other'), now)
		).toMatchObject({ ok: false, problems: { type: { code: 'field.choose' } } });
		expect(
			await saveSeries(database.db, clinicId, seriesId, await withRoutine(id, poolId), now)
		).toMatchObject({ ok: true });
	});

	it('refuses another clinic’s type, and keeps a built-in by its kind', async () => {
		const theirs = (await listClassTypes(database.db, elsewhere))[0]!;
		expect(
			await saveSeries(database.db, clinicId, null, await withRoutine(theirs.id), now)
		).toMatchObject({ ok: false, problems: { type: { code: 'field.choose' } } });
		expect(await resolveClassType(database.db, clinicId, theirs.id)).toBeNull();
		const core = await resolveClassType(database.db, clinicId, 'core');
		expect(core?.kind).toBe('core');
		const saved = await saveSeries(
			database.db,
			clinicId,
			null,
			await withRoutine('core', gymId, 'Core Saturday', '18:00'),
			now
		);
		expect(saved.ok).toBe(true);
		const seriesId = saved.ok ? saved.id : '';
		const [series] = await database.db
			.select()
			.from(classSeries)
			.where(eq(classSeries.id, seriesId));
		expect(series).toMatchObject({ type: 'core', classTypeId: core!.id });
		expect((await seriesFormValues(database.db, clinicId, seriesId))?.type).toBe('core');
	});
});

describe('scheduling a routine: the prefill', () => {
	it('fills in each demo routine’s name, its length rounded up to 5 minutes and its type', async () => {
		const expected = {
			'Balance Basics': 'balance',
			'Aquatic Balance': 'aquatic',
			'Core Strength': 'core'
		} as const;
		for (const [name, type] of Object.entries(expected)) {
			const routine = await routineNamed(name);
			const prefill = await routinePrefill(database.db, clinicId, routine.id);
			expect(prefill).toMatchObject({ routineId: routine.id, name, type });
			const [version] = await database.db.query.routineVersions.findMany({
				where: (v, { eq }) => eq(v.routineId, routine.id)
			});
			const ms = plannedTotalMs(await buildPlan(database.db, version!.id));
			expect(prefill!.durationMinutes).toBe(classMinutesFor(ms));
			expect(prefill!.durationMinutes % 5).toBe(0);
			expect(prefill!.durationMinutes * 60_000).toBeGreaterThanOrEqual(ms);
			expect((prefill!.durationMinutes - 5) * 60_000).toBeLessThan(ms);
		}
	});

	it('fills in nothing for another clinic’s routine, an archived one or a bad id', async () => {
		const routine = await routineNamed('Balance Basics');
		expect(await routinePrefill(database.db, elsewhere, routine.id)).toBeNull();
		expect(await routinePrefill(database.db, clinicId, 'not-a-uuid')).toBeNull();
		expect(
			await routinePrefill(database.db, clinicId, '00000000-0000-4000-8000-000000000000')
		).toBeNull();
		const [archived] = await database.db
			.insert(routines)
			.values({ clinicId, name: 'Old', archivedAt: now })
			.returning({ id: routines.id });
		expect(await routinePrefill(database.db, clinicId, archived!.id)).toBeNull();
	});
});
