import { z } from 'zod';
import { EXERCISE_CATEGORIES, SUPPORT_TIERS, WATER_DEPTHS, type WaterDepth } from './domain';
import { problemsOf, type Problem, type Problems } from '../i18n/problem';
import type { MessageKey } from '../i18n/catalog';
import type { Translate } from '../i18n/translate';
import { dosingSchema, type Dosing, type SupportTierCues } from './dosing';
import type { ExerciseCategory } from './domain';
import { MEDIA_MAX_BYTES } from './media-types';
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

/** How each dosing kind is named in the editor's list. */
export const DOSING_KIND_KEYS = {
	timed: 'exercise-form.dosing-kind.timed',
	hold: 'exercise-form.dosing-kind.hold',
	reps: 'exercise-form.dosing-kind.reps'
} as const satisfies Record<(typeof DOSING_KINDS)[number], MessageKey>;

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

const trimmed = (max: number, code: MessageKey) => z.string().trim().max(max, code);

const required = (max: number, tooLong: MessageKey, missing: MessageKey) =>
	trimmed(max, tooLong).min(1, missing);

/** The range and unit of each number field: its problems name them, whatever went wrong. */
const NUMBER_RANGES: Record<string, { min: number; max: number; unit: string }> = {
	seconds: { min: 5, max: 3600, unit: 'seconds' },
	holdSeconds: { min: 1, max: 120, unit: 'seconds' },
	holdReps: { min: 1, max: 50, unit: 'holds' },
	restBetweenRepsSeconds: { min: 0, max: 120, unit: 'seconds' },
	reps: { min: 1, max: 100, unit: 'reps' },
	secondsPerRep: { min: 1, max: 60, unit: 'seconds' },
	sets: { min: 1, max: 10, unit: 'sets' },
	restBetweenSetsSeconds: { min: 0, max: 600, unit: 'seconds' }
};

/** A whole number from a text box; an empty box is "missing", not zero. */
const wholeNumber = (field: keyof typeof NUMBER_RANGES) => {
	const { min, max } = NUMBER_RANGES[field]!;
	return z
		.string()
		.trim()
		.min(1, 'exercise-form.number-range')
		.regex(/^\d+$/, 'exercise-form.number-not-whole')
		.transform(Number)
		.pipe(z.number().min(min, 'exercise-form.number-range').max(max, 'exercise-form.number-range'));
};

/** "chair, band , chair" → ["chair", "band"]: comma-separated tags, kept lower-case for filters. */
const tags = (tagTooLong: MessageKey, tooMany: MessageKey) =>
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
		.pipe(z.array(z.string().max(TAG_MAX, tagTooLong)).max(TAGS_MAX, tooMany));

// The dosing fields each kind needs; fields of the other kinds are ignored, not checked.
const DOSING_FIELDS = {
	timed: { seconds: wholeNumber('seconds') },
	hold: {
		holdSeconds: wholeNumber('holdSeconds'),
		holdReps: wholeNumber('holdReps'),
		restBetweenRepsSeconds: wholeNumber('restBetweenRepsSeconds')
	},
	reps: {
		reps: wholeNumber('reps'),
		secondsPerRep: wholeNumber('secondsPerRep')
	}
} as const;

const baseSchema = z.object({
	name: required(NAME_MAX, 'exercise-form.name-too-long', 'exercise-form.name-missing'),
	displayCue: required(DISPLAY_CUE_MAX, 'exercise-form.cue-too-long', 'exercise-form.cue-missing'),
	technicianNotes: trimmed(NOTES_MAX, 'exercise-form.notes-too-long'),
	category: z.enum(EXERCISE_CATEGORIES, { error: 'exercise-form.choose-category' }),
	dosingKind: z.enum(DOSING_KINDS, { error: 'exercise-form.choose-dosing' }),
	sets: wholeNumber('sets'),
	restBetweenSetsSeconds: wholeNumber('restBetweenSetsSeconds'),
	perSide: z.boolean(),
	'tier.seated': trimmed(DISPLAY_CUE_MAX, 'exercise-form.seated-too-long'),
	'tier.supported': trimmed(DISPLAY_CUE_MAX, 'exercise-form.supported-too-long'),
	'tier.standing': trimmed(DISPLAY_CUE_MAX, 'exercise-form.standing-too-long'),
	equipment: tags('exercise-form.equipment-tag-too-long', 'exercise-form.equipment-too-many'),
	waterDepth: z.union([z.literal(''), z.enum(WATER_DEPTHS)], {
		error: 'exercise-form.choose-depth'
	}),
	contraindications: tags(
		'exercise-form.contraindication-too-long',
		'exercise-form.contraindications-too-many'
	),
	source: trimmed(120, 'exercise-form.source-too-long'),
	'es.name': trimmed(NAME_MAX, 'exercise-form.name-es-too-long'),
	'es.displayCue': trimmed(DISPLAY_CUE_MAX, 'exercise-form.cue-es-too-long'),
	'es.technicianNotes': trimmed(NOTES_MAX, 'exercise-form.notes-es-too-long')
});

export type ExerciseFormResult =
	{ ok: true; values: ExerciseValues } | { ok: false; problems: Problems };

/** Checks the whole form; every invalid field gets its own problem, keyed by its form name. */
export function parseExerciseForm(input: ExerciseFormInput): ExerciseFormResult {
	const base = baseSchema.safeParse(input);
	const kind = DOSING_KINDS.find((k) => k === input.dosingKind);
	const dosingFields = kind ? z.object(DOSING_FIELDS[kind]).safeParse(input) : null;

	if (!base.success || !dosingFields?.success) {
		// A list's items (one tag too long) report on the list's field.
		const problems: Problems = {
			...(base.success ? {} : problemsOf(base.error, { top: true })),
			...(dosingFields && !dosingFields.success
				? problemsOf(dosingFields.error, { top: true })
				: {})
		};
		return { ok: false, problems: withRanges(problems) };
	}
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

/** A number field's problem says the field's own range and unit, whatever went wrong. */
function withRanges(problems: Problems): Problems {
	const out: Problems = {};
	for (const [field, problem] of Object.entries(problems)) {
		const range = NUMBER_RANGES[field];
		out[field] = range ? { code: problem.code, params: { ...range } } : problem;
	}
	return out;
}

/** "The file is 5.1 MB: at most 5 MB", or null when it is small enough. */
export function mediaTooBig(bytes: number): Problem | null {
	return bytes > MEDIA_MAX_BYTES
		? {
				code: 'exercise-form.media-too-big',
				params: { size: bytes / 1024 / 1024, max: MEDIA_MAX_BYTES / 1024 / 1024 }
			}
		: null;
}

/**
 * "10 s x 5", "30 s", "12 reps"; sets and sides appended, and whether it waits for Done, in the
 * reader's language. Read by staff, not the wall.
 */
export function dosingText(t: Translate, dosing: Dosing): string {
	return t('exercises.dosing', {
		kind: dosing.kind,
		seconds:
			dosing.kind === 'timed' ? dosing.seconds : dosing.kind === 'hold' ? dosing.holdSeconds : 0,
		reps: dosing.kind === 'timed' ? 0 : dosing.reps,
		perSide: dosing.perSide ? 'yes' : 'no',
		sets: dosing.sets,
		waits: dosing.kind === 'reps' && dosing.waitForDone ? 'yes' : 'no'
	});
}

/** Only the Spanish words given; none at all leaves no Spanish entry. */
function translationsOf(spanish: ExerciseWords): ExerciseTranslations {
	const given = Object.fromEntries(Object.entries(spanish).filter(([, words]) => words));
	return Object.keys(given).length ? { es: given } : {};
}
