import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExerciseFilters } from '../../shared/exercise-filters';
import type { ExerciseValues } from '../../shared/exercise-form';
import type { DatabaseHandle } from '../db/client';
import { classSessions, exercises } from '../db/schema';
import { buildPlan } from '../live/plan';
import {
	clinicEquipment,
	createExercise,
	deleteUnusedExercise,
	exerciseUsage,
	getExercise,
	searchExercises,
	setArchived,
	updateExercise
} from './exercises';
import { demoClinicDatabase, otherClinic } from '../testing/demo-clinic';

let database: DatabaseHandle;
let clinicId: string;
let otherClinicId: string;

const PICTURE = { file: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.png', type: 'image/png' } as const;
const VIDEO = { file: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.webm', type: 'video/webm' } as const;

const heelRaises: ExerciseValues = {
	name: 'Library heel raises',
	displayCue: 'Rise onto your toes, then lower slowly.',
	technicianNotes: 'Watch the ankles.',
	category: 'strength',
	dosing: {
		kind: 'reps',
		reps: 10,
		secondsPerRep: 4,
		sets: 1,
		restBetweenSetsSeconds: 0,
		perSide: false
	},
	supportTiers: { seated: 'Sit tall. Lift both heels.', supported: 'Hold the chair back.' },
	equipment: ['chair', 'wobble board'],
	waterDepth: null,
	contraindications: ['acute ankle pain'],
	source: 'Test',
	translations: {
		es: { name: 'Elevación de talones', displayCue: 'Suba de puntillas y baje despacio.' }
	}
};

const search = (query: string, clinic = clinicId) =>
	searchExercises(database.db, clinic, readExerciseFilters(new URLSearchParams(query)));
const names = async (query: string) => (await search(query)).map((row) => row.name);

async function idOf(name: string) {
	const [row] = await database.db
		.select()
		.from(exercises)
		.where(and(eq(exercises.name, name), eq(exercises.clinicId, clinicId)));
	return row!.id;
}

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(new Date('2026-11-26T15:00:00Z')));
	otherClinicId = await otherClinic(database.db);
});
afterAll(() => database.close());

describe('creating and finding exercises', () => {
	it('creates an exercise with a picture and finds it by name, category, equipment and tier', async () => {
		const created = await createExercise(database.db, clinicId, heelRaises, PICTURE);
		expect(created.ok).toBe(true);
		const id = created.ok ? created.id : '';
		expect(await getExercise(database.db, clinicId, id)).toMatchObject({
			...heelRaises,
			mediaFile: PICTURE.file,
			mediaType: 'image/png',
			archivedAt: null
		});

		expect(await names('q=HEEL RAISES')).toEqual(['Library heel raises']);
		expect(await names('q=library&category=strength')).toEqual(['Library heel raises']);
		expect(await names('q=library&category=core')).toEqual([]);
		expect(await names('equipment=wobble board')).toEqual(['Library heel raises']);
		expect(await names('q=library&tier=supported')).toEqual(['Library heel raises']);
		expect(await names('q=library&tier=standing')).toEqual([]);
		expect(await clinicEquipment(database.db, clinicId)).toContain('wobble board');
	});

	it('treats % and _ in the search box as letters', async () => {
		expect(await names('q=%')).toEqual([]);
		expect(await names('q=_')).toEqual([]);
	});

	it('filters by pool depth', async () => {
		const waist = await search('depth=waist');
		expect(waist.length).toBeGreaterThan(0);
		expect(waist.every((row) => row.waterDepth === 'waist')).toBe(true);
		expect(await names('depth=waist')).toContain('Water walking');
	});

	it('refuses a second exercise of the same name in any case, with a message for the name field', async () => {
		const again = await createExercise(database.db, clinicId, {
			...heelRaises,
			name: 'library HEEL raises'
		});
		expect(again).toEqual({
			ok: false,
			problems: {
				name: { code: 'exercise-form.name-taken', params: { name: 'Library heel raises' } }
			}
		});
	});

	it('lets another clinic use the same name, and keeps each clinic to its own', async () => {
		const theirs = await createExercise(database.db, otherClinicId, heelRaises);
		expect(theirs.ok).toBe(true);
		const theirId = theirs.ok ? theirs.id : '';
		expect(await getExercise(database.db, clinicId, theirId)).toBeNull();
		expect(await names('q=library heel')).toEqual(['Library heel raises']);
		expect(await setArchived(database.db, clinicId, theirId, true)).toBe(false);
		const edit = await updateExercise(database.db, clinicId, theirId, heelRaises);
		expect(edit.ok).toBe(false);
	});
});

describe('editing', () => {
	it('saves changes and reports the file a replaced picture leaves behind', async () => {
		const id = await idOf('Library heel raises');
		const replaced = await updateExercise(
			database.db,
			clinicId,
			id,
			{ ...heelRaises, displayCue: 'Up on your toes. Down slowly.' },
			{ kind: 'replace', ...VIDEO }
		);
		expect(replaced).toEqual({ ok: true, id, oldMedia: PICTURE.file });
		expect(await getExercise(database.db, clinicId, id)).toMatchObject({
			displayCue: 'Up on your toes. Down slowly.',
			mediaFile: VIDEO.file,
			mediaType: 'video/webm'
		});

		const kept = await updateExercise(database.db, clinicId, id, heelRaises);
		expect(kept).toEqual({ ok: true, id, oldMedia: null });
		expect((await getExercise(database.db, clinicId, id))!.mediaFile).toBe(VIDEO.file);
	});

	it('refuses renaming onto another exercise, and may keep its own name in another case', async () => {
		const id = await idOf('Library heel raises');
		const clash = await updateExercise(database.db, clinicId, id, {
			...heelRaises,
			name: 'Bird dog'
		});
		expect(clash.ok).toBe(false);
		expect(!clash.ok && clash.problems.name).toEqual({
			code: 'exercise-form.name-taken',
			params: { name: 'Bird dog' }
		});
		const recased = await updateExercise(database.db, clinicId, id, {
			...heelRaises,
			name: 'Library Heel Raises'
		});
		expect(recased.ok).toBe(true);
	});
});

describe('archiving', () => {
	it('never deletes an exercise a routine and past classes used: it archives, hides and restores it', async () => {
		const id = await idOf('Marching warm-up');
		const usage = await exerciseUsage(database.db, clinicId, id);
		expect(usage.routines.length).toBeGreaterThan(0);

		expect(await deleteUnusedExercise(database.db, clinicId, id)).toEqual({
			ok: false,
			problem: { code: 'exercises.in-use' }
		});
		expect(await getExercise(database.db, clinicId, id)).not.toBeNull();

		expect(await setArchived(database.db, clinicId, id, true)).toBe(true);
		expect(await names('q=marching warm')).toEqual([]);
		const shown = await search('q=marching warm&archived=1');
		expect(shown.map((row) => [row.name, row.archivedAt !== null])).toEqual([
			['Marching warm-up', true]
		]);
		// Routines that used it still build their plan with it.
		const [session] = await database.db.select().from(classSessions).limit(1);
		const plan = await buildPlan(database.db, session!.routineVersionId);
		expect(plan.blocks.some((block) => block.name === 'Marching warm-up')).toBe(true);

		expect(await setArchived(database.db, clinicId, id, false)).toBe(true);
		expect(await names('q=marching warm')).toEqual(['Marching warm-up']);
	});

	it('counts the classes that ran a routine with the exercise', async () => {
		const id = await idOf('Marching warm-up');
		const [session] = await database.db.select().from(classSessions).limit(1);
		const before = (await exerciseUsage(database.db, clinicId, id)).classes;
		await database.db
			.update(classSessions)
			.set({ startedAt: new Date(), status: 'completed', endedAt: new Date() })
			.where(eq(classSessions.id, session!.id));
		const usage = await exerciseUsage(database.db, clinicId, id);
		// The first class's routine has the warm-up (the archiving test above checks its plan).
		expect(usage.classes).toBe(before + 1);
	});

	it('deletes an exercise nothing ever used, and reports its media file', async () => {
		const id = await idOf('Library Heel Raises');
		expect(await exerciseUsage(database.db, clinicId, id)).toEqual({ routines: [], classes: 0 });
		expect(await deleteUnusedExercise(database.db, clinicId, id)).toEqual({
			ok: true,
			media: VIDEO.file
		});
		expect(await getExercise(database.db, clinicId, id)).toBeNull();
	});
});

describe('the frozen plan', () => {
	it('carries an exercise block’s picture for the display', async () => {
		const [session] = await database.db.select().from(classSessions).limit(1);
		const before = await buildPlan(database.db, session!.routineVersionId);
		const first = before.blocks.find((block) => block.kind === 'exercise')!;
		expect(first.media).toBeUndefined();
		await database.db
			.update(exercises)
			.set({ mediaFile: PICTURE.file, mediaType: PICTURE.type })
			.where(eq(exercises.name, first.name));
		const after = await buildPlan(database.db, session!.routineVersionId);
		const block = after.blocks.find((b) => b.id === first.id)!;
		expect(block.media).toEqual({ url: `/media/${PICTURE.file}`, type: 'image/png' });
		expect(after.blocks.filter((b) => b.kind !== 'exercise').every((b) => !b.media)).toBe(true);
	});
});
