import { z } from 'zod';
import { PHASES } from '../../shared/domain';
import { entryPayloadSchema, type EntryPayload } from '../../shared/entries';
import { commandSchema } from '../../shared/events';
import { isMessageKey } from '../../i18n/problem';
import {
	RULE_ACTIONS,
	METRICS,
	STOP_SYMPTOMS,
	adviceOf,
	type Finding,
	type Metric,
	type VitalRule
} from '../../shared/rules';
import type { Command, RoutinePlan } from '../../shared/timeline/types';

/**
 * The JSON Steady stores (entry payloads, findings, live-class commands, a class's frozen plan
 * and rules) carries a version beside it, and every server path that reads it checks it here
 * against that version's schema. A row that fails says which table, row, version and path, never
 * the values (they may be a patient's). Writers stamp `CURRENT`.
 */

/** The version each writer stamps today. */
export const CURRENT = { payload: 1, findings: 2, command: 1, plan: 1 } as const;

const metrics = Object.keys(METRICS) as [Metric, ...Metric[]];
const symptomIds = STOP_SYMPTOMS.map((s) => s.id) as [
	(typeof STOP_SYMPTOMS)[number]['id'],
	...(typeof STOP_SYMPTOMS)[number]['id'][]
];
const comparator = z.enum(['>', '>=', '<', '<=']);
const when = z.enum(['rest', 'exercise', 'any']);

const ruleWords = z
	.object({
		metric: z.enum(metrics),
		when,
		comparator,
		threshold: z.number(),
		below: z.number().optional(),
		relativeToRest: z.boolean().optional()
	})
	.strict();

const messageKey = z.string().refine(isMessageKey, 'not a catalog key');

/** Version 1: as version 2, plus the English label and advice Steady wrote at the time. */
const findingV1 = z.object({
	ruleId: z.string(),
	action: z.enum(RULE_ACTIONS),
	label: z.string(),
	advice: z.string(),
	verified: z.boolean(),
	rule: ruleWords.optional(),
	symptom: z.enum(symptomIds).optional(),
	adviceCode: messageKey.optional()
});

/** Version 2: codes and numbers only; `advice` is a coordinator's own typed words. */
const findingV2 = z
	.object({
		ruleId: z.string(),
		action: z.enum(RULE_ACTIONS),
		verified: z.boolean(),
		rule: ruleWords.optional(),
		symptom: z.enum(symptomIds).optional(),
		adviceCode: messageKey.optional(),
		advice: z.string().optional()
	})
	.strict()
	.refine((f) => (f.rule === undefined) !== (f.symptom === undefined), 'rule or symptom')
	.refine((f) => (f.adviceCode === undefined) !== (f.advice === undefined), 'advice or its code');

/** A version 1 finding as version 2: its English label is kept only where nothing else says it. */
export function findingFromV1(old: z.infer<typeof findingV1>): Finding {
	const advice = old.adviceCode ? { adviceCode: old.adviceCode } : adviceOf(old.advice);
	return {
		ruleId: old.ruleId,
		action: old.action,
		verified: old.verified,
		...(old.rule ? { rule: old.rule } : {}),
		...(old.symptom ? { symptom: old.symptom } : {}),
		...advice,
		...(old.rule || old.symptom ? {} : { label: old.label })
	};
}

const vitalRule = z.looseObject({
	id: z.string(),
	metric: z.enum(metrics),
	when,
	comparator,
	threshold: z.number(),
	relativeToRest: z.boolean().optional(),
	below: z.number().optional(),
	action: z.enum(RULE_ACTIONS),
	enabled: z.boolean().optional(),
	advice: z.string(),
	source: z.string(),
	verified: z.boolean()
});

const planBlock = z.looseObject({
	id: z.string(),
	kind: z.enum(['exercise', 'rest', 'transition']),
	phase: z.enum(PHASES),
	seconds: z.number().optional(),
	dosing: z.looseObject({ kind: z.enum(['timed', 'hold', 'reps']) }).optional(),
	name: z.string(),
	cue: z.string(),
	supportTiers: z.record(z.string(), z.string()),
	media: z.object({ url: z.string(), type: z.string() }).optional(),
	waitForDone: z.boolean().optional()
});

const SCHEMAS = {
	payload: { 1: entryPayloadSchema },
	findings: { 1: z.array(findingV1), 2: z.array(findingV2) },
	command: { 1: commandSchema },
	plan: { 1: z.looseObject({ blocks: z.array(planBlock) }) },
	rules: { 1: z.array(vitalRule) }
} as const;

type Kind = keyof typeof SCHEMAS;

/** Where a stored value came from: named in the error, with its version (never its value). */
export type StoredAt = { table: string; id: string; version: number };

export class StoredJsonError extends Error {
	/** `path`: where in the value it failed; empty when no schema knows this version. */
	constructor(kind: Kind, at: StoredAt, path: string) {
		super(
			`${at.table} row ${at.id}: ${kind} version ${at.version} fails its check ${path ? `at ${path}` : '(unknown version)'}`
		);
		this.name = 'StoredJsonError';
	}
}

function check(kind: Kind, value: unknown, at: StoredAt): unknown {
	const schema = (SCHEMAS[kind] as Record<number, z.ZodType>)[at.version];
	if (!schema) throw new StoredJsonError(kind, at, '');
	const result = schema.safeParse(value);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		// The path and the kind of problem only: a message may quote what it found.
		const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
		throw new StoredJsonError(kind, at, `${path.join('') || '(root)'} (${issue.code})`);
	}
	return result.data;
}

/** An entry's payload (participant_entries.payload, payload_version). */
export function storedPayload(value: unknown, at: StoredAt): EntryPayload {
	check('payload', value, at);
	// As stored: parsing would trim text that was trimmed when it was recorded anyway.
	return value as EntryPayload;
}

/** An entry's findings (participant_entries.findings, findings_version), as version 2. */
export function storedFindings(value: unknown, at: StoredAt): Finding[] {
	const checked = check('findings', value, at);
	return at.version === 1
		? (checked as z.infer<typeof findingV1>[]).map(findingFromV1)
		: (checked as Finding[]);
}

/** A live-class command (class_commands.command, command_version). */
export function storedCommand(value: unknown, at: StoredAt): Command {
	check('command', value, at);
	return value as Command;
}

/** A started class's frozen plan (class_sessions.plan, plan_version). */
export function storedPlan(value: unknown, at: StoredAt): RoutinePlan {
	check('plan', value, at);
	return value as RoutinePlan;
}

/** The rules a started class froze with its plan (class_sessions.vital_rules, plan_version). */
export function storedRules(value: unknown, at: StoredAt): VitalRule[] {
	check('rules', value, at);
	return value as VitalRule[];
}
