/**
 * The vocabulary Steady shares between database, server and every client.
 * Values come from ../shared/reference/clinical.md; labels are what staff and patients read.
 */

/**
 * A therapist runs classes like a technician and also signs and co-signs class notes; only a
 * coordinator plans.
 */
export const ROLES = ['coordinator', 'technician', 'therapist'] as const;
export type Role = (typeof ROLES)[number];

/** Staff who run classes: a therapist counts wherever a technician does (lead, assistant, controller). */
export function runsClasses(role: Role): boolean {
	return role === 'technician' || role === 'therapist';
}

export const ROOM_KINDS = ['gym', 'pool'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export const EXERCISE_CATEGORIES = [
	'balance_static',
	'balance_dynamic',
	'core',
	'strength',
	'flexibility',
	'aerobic',
	'aquatic_method'
] as const;
export type ExerciseCategory = (typeof EXERCISE_CATEGORIES)[number];

export const SUPPORT_TIERS = ['seated', 'supported', 'standing'] as const;
export type SupportTier = (typeof SUPPORT_TIERS)[number];

/** Immersion depth for aquatic work, with the share of body weight the water carries (Harrison). */
export const WATER_DEPTHS = ['mid_thigh', 'hip', 'waist', 'mid_chest', 'neck'] as const;
export type WaterDepth = (typeof WATER_DEPTHS)[number];

export const PHASES = ['warm_up', 'main', 'cool_down'] as const;
export type Phase = (typeof PHASES)[number];

export const BLOCK_KINDS = ['exercise', 'rest', 'transition'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const CLASS_TYPES = ['balance', 'core', 'aquatic'] as const;
export type ClassType = (typeof CLASS_TYPES)[number];

export const EXERTION_SCALES = ['borg_6_20', 'borg_cr10'] as const;
export type ExertionScale = (typeof EXERTION_SCALES)[number];

export const CLASS_SESSION_STATUSES = ['scheduled', 'live', 'completed', 'cancelled'] as const;
export type ClassSessionStatus = (typeof CLASS_SESSION_STATUSES)[number];

/** 'walk_in': added to one class by a technician on the day, without a booking. */
export const ENROLLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled', 'walk_in'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const ASSISTIVE_DEVICES = [
	'none',
	'cane',
	'quad_cane',
	'walker',
	'rollator',
	'wheelchair',
	'other'
] as const;
export type AssistiveDevice = (typeof ASSISTIVE_DEVICES)[number];

/** clinical.md section 4: conditions that exclude a participant from pool work. */
export const AQUATIC_EXCLUSIONS = [
	'fever',
	'uncontrolled_seizures',
	'unstable_cardiac_disease',
	'open_wounds',
	'bowel_incontinence',
	'infectious_disease',
	'tracheostomy',
	'chlorine_allergy'
] as const;
export type AquaticExclusion = (typeof AQUATIC_EXCLUSIONS)[number];

/** clinical.md section 4: conditions that allow pool work with care. */
export const AQUATIC_PRECAUTIONS = [
	'small_covered_wounds',
	'uncontrolled_bp',
	'ms_heat_intolerance',
	'controlled_seizures',
	'orthostatic_hypotension',
	'ostomy',
	'fear_of_water'
] as const;
export type AquaticPrecaution = (typeof AQUATIC_PRECAUTIONS)[number];

export type AquaticScreening = {
	screenedOn: string | null;
	exclusions: AquaticExclusion[];
	precautions: AquaticPrecaution[];
};

/** Patients read first name + last initial on any shared surface; full names stay with staff. */
export function displayNameOf(firstName: string, lastName: string): string {
	const initial = lastName.trim().charAt(0).toUpperCase();
	return initial ? `${firstName.trim()} ${initial}.` : firstName.trim();
}
