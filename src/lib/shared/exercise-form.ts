import { z } from 'zod';
import { EXERCISE_CATEGORIES, SUPPORT_TIERS, WATER_DEPTHS, type WaterDepth } from './domain';
import { dosingSchema, type Dosing, type SupportTierCues } from './dosing';
import type { ExerciseCategory } from './domain';
import type { ExerciseTranslations, ExerciseWords } from './exercise-translations';

/**
 * The exercise editor's one form: field names are the keys below, and every error is reported
 * under the name of the field it belongs to, so the page can show it right beside that field.
 */

/** Read from across a room in one glance: about two lines on the wall. */
export const DISPLAY_CUE_MAX = 80;
export const NAME_MAX = 80;
export const NOTES_MAX = 2000;
const TAG_MAX = 40;
const TAGS_MAX = 12;

export const DOSING_KINDS = ['timed', 'hold', 'reps'] as const;
export const DOSING_KIND_LABELS = {
	timed: 'Timed (seconds)',
	hold: 'Hold × reps',
	reps: 'Reps (technician taps Done)'
} as const;

export const TIER_LABELS = {
	seated: 'Seated',
	supported: 'Supported',
	standing: 'Standing'
} as const;

/** Harrison's share of body weight the water carries, so staff pick depth by load. */
export const WATER_DEPTH_LABELS: Record<WaterDepth, string> = {
	mid_thigh: 'Mid-thigh',
	hip: 'Hip',
	waist: 'Waist',
	mid_chest: 'Mid-chest',
	neck: 'Neck'
};

/** Every field as the browser sends it: text, or a ticked checkbox. */
export type ExerciseFormInput = Record<(typeof TEXT_FIELDS)[number], string> & {
	perSide: boolean;
};

const TEXT_FIELDS = [
	'name',
	'displayCue',
	'technicianNotes',
	'category',
	'dosingKind',
	'seconds',
	'holdSeconds',
	'holdReps',
	'restBetweenRepsSeconds',
	'reps',
	'secondsPerRep',
	'sets',
	'restBetweenSetsSeconds',
	'tier.seated',
	'tier.supported',
	'tier.standing',
	'equipment',
	'waterDepth',
	'contraindications',
	'source',
	// Spanish words for the wall and the staff; blank ones are shown in English.
	'es.name',
	'es.displayCue',
	'es.technicianNotes'
] as const;

export type ExerciseValues = {
	name: string;
	displayCue: string;
	technicianNotes: string;
	category: ExerciseCategory;
	dosing: Dosing;
	supportTiers: SupportTierCues;
	equipment: string[];
	waterDepth: WaterDepth | null;
	contraindications: string[];
	source: string;
	translations: ExerciseTranslations;
};

/** Reads the form; long pastes are cut well past every limit so the error still names them. */
export function exerciseFormInput(form: FormData): ExerciseFormInput {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, NOTES_MAX + 100) : '';
	};
	const input = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)]));
	return {
		...(input as Record<(typeof TEXT_FIELDS)[number], string>),
		perSide: form.has('perSide')
	};
}

/** The form's values for an exercise that exists (to edit it), as the browser would send them. */
export function exerciseFormValues(exercise: ExerciseValues): ExerciseFormInput {
	const d = exercise.dosing;
	return {
		name: exercise.name,
		displayCue: exercise.displayCue,
		technicianNotes: exercise.technicianNotes,
		category: exercise.category,
		dosingKind: d.kind,
		seconds: d.kind === 'timed' ? String(d.seconds) : '',
		holdSeconds: d.kind === 'hold' ? String(d.holdSeconds) : '',
		holdReps: d.kind === 'hold' ? String(d.reps) : '',
		restBetweenRepsSeconds: d.kind === 'hold' ? String(d.restBetweenRepsSeconds) : '',
		reps: d.kind === 'reps' ? String(d.reps) : '',
		secondsPerRep: d.kind === 'reps' ? String(d.secondsPerRep) : '',
		sets: String(d.sets),
		restBetweenSetsSeconds: String(d.restBetweenSetsSeconds),
		perSide: d.perSide,
		'tier.seated': exercise.supportTiers.seated ?? '',
		'tier.supported': exercise.supportTiers.supported ?? '',
		'tier.standing': exercise.supportTiers.standing ?? '',
		equipment: exercise.equipment.join(', '),
		waterDepth: exercise.waterDepth ?? '',
		contraindications: exercise.contraindications.join(', '),
		source: exercise.source,
		'es.name': exercise.translations?.es?.name ?? '',
		'es.displayCue': exercise.translations?.es?.displayCue ?? '',
		'es.technicianNotes': exercise.translations?.es?.technicianNotes ?? ''
	};
}

/** A blank form with the commonest dosing filled in. */
export const EMPTY_EXERCISE_FORM: ExerciseFormInput = {
	...Object.fromEntries(TEXT_FIELDS.map((name) => [name, ''])),
	category: 'balance_static',
	dosingKind: 'timed',
	seconds: '30',
	sets: '1',
	restBetweenSetsSeconds: '0',
	perSide: false
} as ExerciseFormInput;

const trimmed = (max: number, label: string) =>
	z.string().trim().max(max, `${label}: at most ${max} characters`);

const required = (max: number, label: string) =>
	trimmed(max, label).min(1, `Enter ${label.toLowerCase()}`);

/** A whole number from a text box; an empty box is "missing", not zero. */
const wholeNumber = (min: number, max: number, unit: string) =>
	z
		.string()
		.trim()
		.min(1, `Enter ${min} to ${max}${unit}`)
		.regex(/^\d+$/, `A whole number, ${min} to ${max}${unit}`)
		.transform(Number)
		.pipe(
			z.number().min(min, `Enter ${min} to ${max}${unit}`).max(max, `Enter ${min} to ${max}${unit}`)
		);

/** "chair, band , chair" → ["chair", "band"]: comma-separated tags, kept lower-case for filters. */
const tags = (label: string) =>
	z
		.string()
		.transform((value) => [
			...new Set(
				value
					.split(',')
					.map((tag) => tag.trim().toLowerCase().replace(/\s+/g, ' '))
					.filter(Boolean)
			)
		])
		.refine((list) => list.every((tag) => tag.length <= TAG_MAX), {
			message: `${label}: each at most ${TAG_MAX} characters`
		})
		.refine((list) => list.length <= TAGS_MAX, { message: `${label}: at most ${TAGS_MAX}` });

const tierCue = (label: string) => trimmed(DISPLAY_CUE_MAX, `${label} cue`);

// The dosing fields each kind needs; fields of the other kinds are ignored, not checked.
const DOSING_FIELDS = {
	timed: { seconds: wholeNumber(5, 3600, ' seconds') },
	hold: {
		holdSeconds: wholeNumber(1, 120, ' seconds'),
		holdReps: wholeNumber(1, 50, ' holds'),
		restBetweenRepsSeconds: wholeNumber(0, 120, ' seconds')
	},
	reps: {
		reps: wholeNumber(1, 100, ' reps'),
		secondsPerRep: wholeNumber(1, 60, ' seconds')
	}
} as const;

const baseSchema = z.object({
	name: required(NAME_MAX, 'Name'),
	displayCue: required(DISPLAY_CUE_MAX, 'Display cue'),
	technicianNotes: trimmed(NOTES_MAX, 'Technician notes'),
	category: z.enum(EXERCISE_CATEGORIES, { error: 'Choose a category' }),
	dosingKind: z.enum(DOSING_KINDS, { error: 'Choose how it is dosed' }),
	sets: wholeNumber(1, 10, ' sets'),
	restBetweenSetsSeconds: wholeNumber(0, 600, ' seconds'),
	perSide: z.boolean(),
	'tier.seated': tierCue('Seated'),
	'tier.supported': tierCue('Supported'),
	'tier.standing': tierCue('Standing'),
	equipment: tags('Equipment'),
	waterDepth: z.union([z.literal(''), z.enum(WATER_DEPTHS)], { error: 'Choose a depth' }),
	contraindications: tags('Contraindications'),
	source: trimmed(120, 'Source'),
	'es.name': trimmed(NAME_MAX, 'Name in Spanish'),
	'es.displayCue': trimmed(DISPLAY_CUE_MAX, 'Display cue in Spanish'),
	'es.technicianNotes': trimmed(NOTES_MAX, 'Technician notes in Spanish')
});

export type ExerciseFormResult =
	{ ok: true; values: ExerciseValues } | { ok: false; errors: Record<string, string> };

/** Checks the whole form; every invalid field gets its own message, keyed by its form name. */
export function parseExerciseForm(input: ExerciseFormInput): ExerciseFormResult {
	const errors: Record<string, string> = {};
	const base = baseSchema.safeParse(input);
	if (!base.success) collect(base.error, errors);

	const kind = DOSING_KINDS.find((k) => k === input.dosingKind);
	const dosingFields = kind ? z.object(DOSING_FIELDS[kind]).safeParse(input) : null;
	if (dosingFields && !dosingFields.success) collect(dosingFields.error, errors);

	if (!base.success || !dosingFields?.success) return { ok: false, errors };
	const v = base.data;
	const d = dosingFields.data as Record<string, number>;
	const common = {
		sets: v.sets,
		restBetweenSetsSeconds: v.restBetweenSetsSeconds,
		perSide: v.perSide
	};
	// The same schema the routines and the timeline trust: one definition of a valid dose.
	const dosing = dosingSchema.parse(
		v.dosingKind === 'timed'
			? { kind: 'timed', seconds: d.seconds, ...common }
			: v.dosingKind === 'hold'
				? {
						kind: 'hold',
						holdSeconds: d.holdSeconds,
						reps: d.holdReps,
						restBetweenRepsSeconds: d.restBetweenRepsSeconds,
						...common
					}
				: { kind: 'reps', reps: d.reps, secondsPerRep: d.secondsPerRep, ...common }
	);
	const supportTiers: SupportTierCues = {};
	for (const tier of SUPPORT_TIERS) {
		const cue = v[`tier.${tier}`];
		if (cue) supportTiers[tier] = cue;
	}
	return {
		ok: true,
		values: {
			name: v.name.replace(/\s+/g, ' '),
			displayCue: v.displayCue,
			technicianNotes: v.technicianNotes,
			category: v.category,
			dosing,
			supportTiers,
			equipment: v.equipment,
			waterDepth: v.waterDepth || null,
			contraindications: v.contraindications,
			source: v.source,
			translations: translationsOf({
				name: v['es.name'].replace(/\s+/g, ' '),
				displayCue: v['es.displayCue'],
				technicianNotes: v['es.technicianNotes']
			})
		}
	};
}

function collect(error: z.ZodError, errors: Record<string, string>) {
	for (const issue of error.issues) {
		const key = issue.path.join('.') || 'form';
		errors[key] ??= issue.message;
	}
}

/** Only the Spanish words given; none at all leaves no Spanish entry. */
function translationsOf(spanish: ExerciseWords): ExerciseTranslations {
	const given = Object.fromEntries(Object.entries(spanish).filter(([, words]) => words));
	return Object.keys(given).length ? { es: given } : {};
}
