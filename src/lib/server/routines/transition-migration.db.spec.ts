import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import type { Dosing } from '../../shared/dosing';
import {
	blockName,
	expandBlock,
	planFromBlocks,
	type PlanExercise,
	type RoutinePlan,
	type SourceBlock
} from '../../shared/timeline';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { buildPlan } from '../live/plan';

/**
 * Migration 0005 turns hand-made "Get ready" blocks into the routine version's
 * transition_seconds. A routine saved before it must run the same class after it: the same
 * blocks, in the same order, for the same time. Checked on a database migrated to 0004, filled
 * the way the old builder and seed filled it, then migrated on.
 */

const MIGRATIONS = path.resolve('drizzle');
const BEFORE = '0005_issue10_class_floor';

let database: DatabaseHandle;
let folder: string;

/** The committed migrations up to (not including) `tag`, as drizzle's migrator reads a folder. */
function migrationsBefore(tag: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-migrations-'));
	fs.mkdirSync(path.join(dir, 'meta'));
	const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
	const cut = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
	expect(cut).toBeGreaterThan(0);
	journal.entries = journal.entries.slice(0, cut);
	fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
	for (const entry of journal.entries as { tag: string }[]) {
		fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
	}
	return dir;
}

const run = (text: string, params: unknown[] = []) =>
	database.transaction('write', (sql) => sql(text, params));

const single = { sets: 1, restBetweenSetsSeconds: 0, perSide: false };
const MARCH: Dosing = { kind: 'timed', seconds: 60, ...single };
const STAND: Dosing = { kind: 'reps', reps: 10, secondsPerRep: 3, ...single };

type OldBlock = {
	phase: 'warm_up' | 'main' | 'cool_down';
	kind: 'exercise' | 'rest' | 'transition';
	exercise?: 'march' | 'stand';
	seconds?: number;
	label?: string;
	dosing?: Dosing;
};

/** As the old seed and builder made them: a "Get ready" before each exercise after another. */
const withTransitions: OldBlock[] = [
	{ phase: 'warm_up', kind: 'exercise', exercise: 'march' },
	{ phase: 'warm_up', kind: 'transition', seconds: 15, label: 'Get ready' },
	{ phase: 'warm_up', kind: 'exercise', exercise: 'stand' },
	{ phase: 'main', kind: 'transition', seconds: 15, label: '' },
	{ phase: 'main', kind: 'exercise', exercise: 'stand', dosing: { ...STAND, reps: 12 } },
	{ phase: 'main', kind: 'rest', seconds: 45, label: 'Rest' },
	{ phase: 'main', kind: 'exercise', exercise: 'march' },
	{ phase: 'cool_down', kind: 'transition', seconds: 15, label: 'Get ready' },
	{ phase: 'cool_down', kind: 'exercise', exercise: 'stand' }
];
const withoutTransitions: OldBlock[] = [
	{ phase: 'main', kind: 'exercise', exercise: 'stand' },
	{ phase: 'main', kind: 'rest', seconds: 30, label: '' },
	{ phase: 'main', kind: 'exercise', exercise: 'march' }
];

let exerciseIds: Record<'march' | 'stand', string>;
let library: Map<string, PlanExercise>;
const versions: { id: string; blocks: OldBlock[]; before?: RoutinePlan }[] = [];

async function insertVersion(routineId: string, version: number, blocks: OldBlock[]) {
	const [row] = await run(
		'insert into routine_versions (routine_id, version) values ($1, $2) returning id',
		[routineId, version]
	);
	const id = row!.id as string;
	// Out of order on purpose: positions, not insertion order, give the order.
	for (const [position, block] of [...blocks.entries()].reverse()) {
		await run(
			`insert into routine_blocks (routine_version_id, position, phase, kind, exercise_id, dosing, seconds, label)
			 values ($1, $2, $3, $4, $5, $6, $7, $8)`,
			[
				id,
				position,
				block.phase,
				block.kind,
				block.exercise ? exerciseIds[block.exercise] : null,
				block.dosing ? JSON.stringify(block.dosing) : null,
				block.seconds ?? null,
				block.label ?? ''
			]
		);
	}
	versions.push({ id, blocks });
}

/** The plan the old code built: the rows as they are, transitions as blocks of their own. */
async function planAsStored(versionId: string): Promise<RoutinePlan> {
	const rows = await run(
		`select id, kind, phase, exercise_id as "exerciseId", dosing, seconds, label
		 from routine_blocks where routine_version_id = $1 order by position`,
		[versionId]
	);
	return planFromBlocks(rows as unknown as SourceBlock[], (id) => library.get(id));
}

// Names as the wall shows them: an old "Get ready" or "Rest" label, or none, worded the same.
const shape = (plan: RoutinePlan) =>
	plan.blocks.map((block) => ({
		name: blockName(block, translator('en')),
		kind: block.kind,
		phase: block.phase,
		ms: expandBlock(block).reduce((total, segment) => total + segment.plannedMs, 0)
	}));

beforeAll(async () => {
	folder = migrationsBefore(BEFORE);
	database = await openDatabase({ memory: true });
	await database.migrate(folder);

	const [clinic] = await run(
		`insert into clinics (name, time_zone) values ('Old clinic', 'UTC') returning id`
	);
	const clinicId = clinic!.id as string;
	const exercise = async (name: string, dosing: Dosing) => {
		const [row] = await run(
			`insert into exercises (clinic_id, name, display_cue, category, dosing)
			 values ($1, $2, 'Steady', 'strength', $3) returning id`,
			[clinicId, name, JSON.stringify(dosing)]
		);
		return row!.id as string;
	};
	exerciseIds = {
		march: await exercise('March', MARCH),
		stand: await exercise('Sit to stand', STAND)
	};
	library = new Map([
		[exerciseIds.march, { name: 'March', displayCue: 'Steady', dosing: MARCH, supportTiers: {} }],
		[
			exerciseIds.stand,
			{ name: 'Sit to stand', displayCue: 'Steady', dosing: STAND, supportTiers: {} }
		]
	]);
	const [routine] = await run(
		`insert into routines (clinic_id, name) values ($1, 'Old balance') returning id`,
		[clinicId]
	);
	await insertVersion(routine!.id as string, 1, withTransitions);
	await insertVersion(routine!.id as string, 2, withoutTransitions);
	for (const version of versions) version.before = await planAsStored(version.id);

	await database.migrate(MIGRATIONS);
});

afterAll(async () => {
	await database?.close();
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('migration 0005: Get ready becomes a routine setting', () => {
	it('sets transition_seconds from the transition blocks, 0 where there were none', async () => {
		const rows = await run(
			'select id, transition_seconds, wait_for_done from routine_versions order by version'
		);
		expect(rows).toEqual([
			{ id: versions[0]!.id, transition_seconds: 15, wait_for_done: false },
			{ id: versions[1]!.id, transition_seconds: 0, wait_for_done: false }
		]);
	});

	it('removes the transition blocks and numbers what is left 0..n-1, in the old order', async () => {
		for (const version of versions) {
			const rows = await run(
				`select position, kind, phase, seconds from routine_blocks
				 where routine_version_id = $1 order by position`,
				[version.id]
			);
			const kept = version.blocks.filter((block) => block.kind !== 'transition');
			expect(rows.map((row) => row.position)).toEqual(kept.map((_, i) => i));
			expect(rows.map((row) => [row.kind, row.phase, row.seconds])).toEqual(
				kept.map((block) => [block.kind, block.phase, block.seconds ?? null])
			);
		}
	});

	it('builds the same plan as before: names, kinds, phases and lengths in the same order', async () => {
		for (const version of versions) {
			const after = await buildPlan(database.db, version.id);
			expect(shape(after)).toEqual(shape(version.before!));
		}
		const first = shape(versions[0]!.before!);
		expect(first.filter((block) => block.kind === 'transition')).toHaveLength(3);
	});
});
