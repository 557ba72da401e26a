import type { BlockKind, Phase } from './domain';
import { BLOCK_KINDS, PHASES } from './domain';
import type { Dosing } from './dosing';
import type { MessageKey } from '../i18n/catalog';

/**
 * A routine as the builder holds it while the coordinator edits: what the inputs say, as text,
 * so a half-typed number survives a round trip through the server (the no-JavaScript path)
 * and a refused save shows exactly what was typed.
 */
export type DraftDosing = {
	kind: Dosing['kind'];
	perSide: boolean;
	/** Reps dosing only: this block waits for Done instead of moving on at its planned time. */
	waitForDone: boolean;
	/** Numeric fields as typed: seconds, holdSeconds, reps, sets ... */
	values: Record<string, string>;
};

export type DraftBlock = {
	/** Stable across moves, for keyed rendering and drag and drop; not stored. */
	key: string;
	kind: BlockKind;
	phase: Phase;
	/** '' for rest blocks (and old transition blocks, which a save refuses). */
	exerciseId: string;
	/** Length of a rest block, as typed. */
	seconds: string;
	label: string;
	/** null: the exercise's own dosing. */
	dosing: DraftDosing | null;
};

/** The routine version's own settings, as the builder's inputs hold them. */
export type DraftSettings = {
	/** "Get ready" between exercises: off, or on for transitionSeconds. */
	transition: 'off' | 'on';
	/** As typed; kept while transition is off so turning it back on restores it. */
	transitionSeconds: string;
	/** Every reps block waits for Done. */
	waitForDone: boolean;
};

export type RoutineDraft = DraftSettings & {
	name: string;
	description: string;
	blocks: DraftBlock[];
};

/** What the seconds field offers when a routine has no "Get ready" yet. */
export const SUGGESTED_TRANSITION_SECONDS = 15;

/** A stored version's settings as the builder edits them. */
export function draftSettingsOf(version: {
	transitionSeconds: number;
	waitForDone: boolean;
}): DraftSettings {
	const on = version.transitionSeconds > 0;
	return {
		transition: on ? 'on' : 'off',
		transitionSeconds: String(on ? version.transitionSeconds : SUGGESTED_TRANSITION_SECONDS),
		waitForDone: version.waitForDone
	};
}

/** The numeric fields each kind of dosing has, in the order the builder shows them. */
export const DOSING_FIELDS: Record<Dosing['kind'], string[]> = {
	timed: ['seconds', 'sets', 'restBetweenSetsSeconds'],
	hold: ['holdSeconds', 'reps', 'restBetweenRepsSeconds', 'sets', 'restBetweenSetsSeconds'],
	reps: ['reps', 'secondsPerRep', 'sets', 'restBetweenSetsSeconds']
};

/** Each numeric dosing field's label in the builder. */
export const DOSING_FIELD_KEYS: Record<string, MessageKey> = {
	seconds: 'builder.field.seconds',
	holdSeconds: 'builder.field.hold-seconds',
	reps: 'builder.field.reps',
	restBetweenRepsSeconds: 'builder.field.rest-between-reps',
	secondsPerRep: 'builder.field.seconds-per-rep',
	sets: 'builder.field.sets',
	restBetweenSetsSeconds: 'builder.field.rest-between-sets'
};

/** A dosing as the builder's inputs show it. */
export function draftDosing(dosing: Dosing): DraftDosing {
	const values: Record<string, string> = {};
	for (const field of DOSING_FIELDS[dosing.kind]) {
		values[field] = String((dosing as Record<string, unknown>)[field] ?? '');
	}
	const waitForDone = dosing.kind === 'reps' && dosing.waitForDone === true;
	return { kind: dosing.kind, perSide: dosing.perSide, waitForDone, values };
}

function asNumber(text: string | undefined): number | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	const n = Number(text);
	return Number.isFinite(n) ? n : NaN;
}

/** What the zod schema checks: numbers where the inputs held text. */
export function draftDosingInput(dosing: DraftDosing): Record<string, unknown> {
	const out: Record<string, unknown> = { kind: dosing.kind, perSide: dosing.perSide };
	for (const field of DOSING_FIELDS[dosing.kind] ?? []) out[field] = asNumber(dosing.values[field]);
	// Stored only when set: a block that moves on keeps the dosing it always had.
	if (dosing.kind === 'reps' && dosing.waitForDone) out.waitForDone = true;
	return out;
}

export function draftInput(draft: RoutineDraft) {
	return {
		name: draft.name,
		description: draft.description,
		// null: no "Get ready". When on, the seconds must make sense (the schema says which).
		// (An empty field is NaN, not absent: absent would read as "off".)
		transitionSeconds:
			draft.transition === 'on' ? (asNumber(draft.transitionSeconds) ?? Number.NaN) : null,
		waitForDone: draft.waitForDone,
		blocks: draft.blocks.map((block) =>
			block.kind === 'exercise'
				? {
						kind: block.kind,
						phase: block.phase,
						exerciseId: block.exerciseId,
						dosing: block.dosing ? draftDosingInput(block.dosing) : null
					}
				: {
						kind: block.kind,
						phase: block.phase,
						seconds: asNumber(block.seconds),
						label: block.label
					}
		)
	};
}

const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
	values.includes(value as T) ? (value as T) : fallback;

/**
 * Reads the builder's fields (blocks.0.kind, blocks.0.dosing.reps ...) back into a draft.
 * Lenient on purpose: anything odd is kept as typed for the schema to refuse by name.
 */
export function draftFromForm(form: FormData): RoutineDraft {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const indexes = new Set<number>();
	for (const name of form.keys()) {
		const match = /^blocks\.(\d+)\./.exec(name);
		if (match) indexes.add(Number(match[1]));
	}
	const blocks = [...indexes]
		.sort((a, b) => a - b)
		.slice(0, 500)
		.map((i): DraftBlock => {
			const at = (field: string) => text(`blocks.${i}.${field}`);
			const kind = oneOf(BLOCK_KINDS, at('kind'), 'exercise');
			const dosingKind = at('dosing.kind');
			const waits = dosingKind === 'reps' && at('dosing.waitForDone') === 'on';
			// Ticking "Wait for Done" is choosing this block's own dosing, as typing a number is
			// with JavaScript; the inputs post the exercise's default numbers alongside.
			const overridden = kind === 'exercise' && (at('override') === 'on' || waits);
			let dosing: DraftDosing | null = null;
			if (
				overridden &&
				(dosingKind === 'timed' || dosingKind === 'hold' || dosingKind === 'reps')
			) {
				const values: Record<string, string> = {};
				for (const field of DOSING_FIELDS[dosingKind]) values[field] = at(`dosing.${field}`);
				const perSide = at('dosing.perSide') === 'on';
				dosing = { kind: dosingKind, perSide, waitForDone: waits, values };
			}
			return {
				key: at('key') || `b${i}`,
				kind,
				phase: oneOf(PHASES, at('phase'), 'main'),
				exerciseId: kind === 'exercise' ? at('exerciseId') : '',
				seconds: kind === 'exercise' ? '' : at('seconds'),
				label: kind === 'exercise' ? '' : at('label'),
				dosing
			};
		});
	return {
		name: text('name'),
		description: text('description'),
		transition: text('transition') === 'on' ? 'on' : 'off',
		transitionSeconds: text('transitionSeconds'),
		waitForDone: text('waitForDone') === 'on',
		blocks
	};
}

/** A stored block as the builder edits it. */
export function draftBlockOf(block: {
	id: string;
	kind: BlockKind;
	phase: Phase;
	exerciseId: string | null;
	seconds: number | null;
	label: string;
	dosing: Dosing | null;
}): DraftBlock {
	return {
		key: block.id,
		kind: block.kind,
		phase: block.phase,
		exerciseId: block.exerciseId ?? '',
		seconds: block.seconds === null ? '' : String(block.seconds),
		label: block.label,
		dosing: block.dosing ? draftDosing(block.dosing) : null
	};
}
