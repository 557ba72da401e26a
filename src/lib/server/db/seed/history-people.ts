import type { AssistiveDevice, ExertionScale } from '../../../shared/domain';
import type { EntryPayload } from '../../../shared/entries';
import type { NormSex, OutcomeResult } from '../../../shared/outcomes';
import type { Vitals } from '../../../shared/vitals';
import type { Random } from './history-random';

/**
 * Who the made-up participants are and how they do: each one's habits (how reliably they come),
 * resting vital signs, how hard classes feel, and a trend over the year for the outcome tests.
 * Numbers follow clinical.md: older adults in falls-prevention classes, most getting better.
 */

const FIRST_NAMES_FEMALE = [
	'Margaret',
	'Dorothy',
	'Beatriz',
	'Hannah',
	'Yuki',
	'Amara',
	'Carmen',
	'Joan',
	'Leila',
	'Olga',
	'Ruth',
	'Siobhan',
	'Teresa',
	'Vera',
	'Wanda',
	'Agnes',
	'Chiara',
	'Esther',
	'Gloria',
	'Irene'
];
const FIRST_NAMES_MALE = [
	'Arthur',
	'Bernard',
	'Chidi',
	'Dmitri',
	'Ernesto',
	'Frank',
	'Gustavo',
	'Harold',
	'Ivan',
	'Jamal',
	'Kenji',
	'Leonard',
	'Mohammed',
	'Norman',
	'Oscar',
	'Pedro',
	'Raymond',
	'Stanley',
	'Victor',
	'Wilbur'
];
const LAST_NAMES = [
	'Abbott',
	'Baptiste',
	'Castillo',
	'Doyle',
	'Eriksen',
	'Fontaine',
	'Gallagher',
	'Haddad',
	'Ibarra',
	'Jensen',
	'Kowalski',
	'Lindqvist',
	'Moreau',
	'Nakamura',
	'Okafor',
	'Petrov',
	'Quinn',
	'Rossi',
	'Santos',
	'Takahashi',
	'Underwood',
	'Varga',
	'Whitaker',
	'Yilmaz',
	'Zhou'
];

/** The demo roster's women (the roster itself records no sex). */
const FEMALE_DEMO_NAMES = new Set([
	'Eleanor',
	'Adaeze',
	'Fatima',
	'Rosa',
	'Priya',
	'Mei-Ling',
	'Ingrid',
	'Nadia',
	'Lupe'
]);

export type NewPerson = {
	firstName: string;
	lastName: string;
	dateOfBirth: string;
	sex: NormSex;
	assistiveDevice: AssistiveDevice;
};

/** A made-up participant aged 60-95 on `today`, with a name nobody else in the list has. */
export function newPerson(random: Random, index: number, today: string): NewPerson {
	const sex: NormSex = random.chance(0.04)
		? 'not_recorded'
		: random.chance(0.6)
			? 'female'
			: 'male';
	const names = sex === 'male' ? FIRST_NAMES_MALE : FIRST_NAMES_FEMALE;
	const firstName = names[index % names.length]!;
	// Each (first, last) pair once: the last name moves on every time the first names wrap.
	const lastName = LAST_NAMES[(index + Math.floor(index / names.length)) % LAST_NAMES.length]!;
	const suffix = index >= names.length * LAST_NAMES.length ? ` ${index}` : '';
	const age = random.int(60, 94);
	const year = Number(today.slice(0, 4)) - age - 1;
	const month = String(random.int(1, 12)).padStart(2, '0');
	const day = String(random.int(1, 28)).padStart(2, '0');
	const device: AssistiveDevice =
		age > 85 && random.chance(0.5)
			? random.pick(['walker', 'rollator'] as const)
			: random.chance(0.2)
				? random.pick(['cane', 'quad_cane', 'walker'] as const)
				: 'none';
	return {
		firstName,
		lastName: lastName + suffix,
		dateOfBirth: `${year}-${month}-${day}`,
		sex,
		assistiveDevice: device
	};
}

/** A sex for a demo participant the roster left unrecorded (one in twenty stays so). */
export function demoSex(random: Random, firstName: string): NormSex {
	if (random.chance(0.05)) return 'not_recorded';
	return FEMALE_DEMO_NAMES.has(firstName) ? 'female' : 'male';
}

export type Profile = {
	age: number;
	sex: NormSex;
	device: AssistiveDevice;
	/** How likely they come to a class they are enrolled in. */
	comes: number;
	/** Of the classes they miss, how many they call off (excused) rather than not show. */
	callsOff: number;
	restingHr: number;
	systolic: number;
	spo2: number;
	diabetic: boolean;
	pain: number;
	effort: number;
	/** Outcome tests at all, and which way they go: +1 improving, 0 flat, -1 declining. */
	tested: boolean;
	trend: 1 | 0 | -1;
	chairStands: number;
	tugSeconds: number;
	/** 4-stage balance as a level: 3.4 = ended in stage 3 after 4 s. */
	balance: number;
	/** Outcome tests done so far. */
	tests: number;
};

export function profileOf(
	random: Random,
	person: { dateOfBirth: string; sex: NormSex; assistiveDevice: AssistiveDevice },
	today: string,
	/** The person's place in the clinic's list. */
	index: number
): Profile {
	const age = Number(today.slice(0, 4)) - Number(person.dateOfBirth.slice(0, 4));
	// One in twelve has a resting blood pressure near the clinic's HOLD line, by place rather
	// than by chance: even the demo's small history then has HOLDs for the reports to show.
	const hypertensive = index % 12 === 5;
	const device = person.assistiveDevice;
	const deviceSlowness =
		device === 'walker' || device === 'rollator' ? 5 : device === 'none' ? 0 : 2.5;
	const trendRoll = random.next();
	return {
		age,
		sex: person.sex,
		device,
		comes: random.between(0.72, 0.97),
		callsOff: random.between(0.3, 0.8),
		restingHr: random.int(60, 88),
		systolic: hypertensive ? random.int(170, 184) : random.int(112, 150),
		spo2: random.int(94, 98),
		diabetic: random.chance(0.12),
		pain: random.int(0, 4),
		effort: random.between(-1.5, 1.5),
		tested: random.chance(0.85),
		trend: trendRoll < 0.7 ? 1 : trendRoll < 0.85 ? 0 : -1,
		chairStands: Math.max(
			3,
			Math.round(14 - (age - 60) * 0.2 + (person.sex === 'male' ? 1.5 : 0) + random.noise(3))
		),
		tugSeconds: Math.max(6, 8 + (age - 60) * 0.15 + deviceSlowness + random.noise(2)),
		balance: Math.min(4.9, Math.max(1.5, 3.6 - (age - 75) * 0.03 + random.noise(0.8))),
		tests: 0
	};
}

const tenths = (n: number) => Math.round(n * 10) / 10;

/** One occasion's three tests, moved along the person's trend (every ~6 weeks). */
export function outcomeResults(random: Random, p: Profile): OutcomeResult[] {
	const k = p.tests++;
	const chair = Math.max(0, Math.round(p.chairStands + p.trend * 0.9 * k + random.noise(1.2)));
	const tug = Math.min(
		60,
		Math.max(5, tenths(p.tugSeconds - p.trend * 0.7 * k + random.noise(0.6)))
	);
	const level = Math.min(5, Math.max(1, p.balance + p.trend * 0.3 * k + random.noise(0.25)));
	const stage = Math.min(4, Math.floor(level));
	const held = level >= 5 ? 10 : Math.min(9.9, tenths((level - stage) * 10));
	return [
		{ test: 'chair_stand_30s', count: chair, armsUsed: chair < 6 && p.device !== 'none' },
		{ test: 'tug', seconds: tug, device: p.device },
		{ test: 'four_stage_balance', stage, seconds: held }
	];
}

/** Vital signs before exercise; rarely high enough (or SpO2 low enough) for a rule to hold them. */
export function restingVitals(random: Random, p: Profile): Vitals {
	const systolic = Math.round(p.systolic + random.noise(9));
	return {
		timing: 'before',
		systolic,
		diastolic: Math.min(systolic - 20, Math.round(systolic * 0.56 + random.noise(5))),
		heartRate: Math.round(p.restingHr + random.noise(7)),
		spo2: Math.min(100, Math.round(p.spo2 + random.noise(1.2) - (random.chance(0.004) ? 6 : 0))),
		...(p.diabetic ? { glucose: Math.round(random.between(85, 240)) } : {})
	};
}

/** A reading during exercise: the heart rate up; now and then too far up (a STOP). */
export function exerciseVitals(random: Random, p: Profile): Vitals {
	const spike = random.chance(0.02) ? random.int(25, 45) : 0;
	return {
		timing: 'during',
		heartRate: Math.round(p.restingHr + random.between(12, 28) + spike),
		spo2: Math.min(100, Math.round(p.spo2 - 1 + random.noise(1)))
	};
}

export function exertion(random: Random, p: Profile, scale: ExertionScale): EntryPayload {
	if (scale === 'borg_cr10') {
		const value = Math.min(10, Math.max(0, Math.round((4 + p.effort + random.noise(1.5)) * 2) / 2));
		return { kind: 'exertion', scale, value };
	}
	const value = Math.min(20, Math.max(6, Math.round(13 + p.effort * 1.5 + random.noise(2))));
	return { kind: 'exertion', scale: 'borg_6_20', value };
}

export function pain(random: Random, p: Profile): EntryPayload {
	const flare = random.chance(0.03) ? random.int(2, 4) : 0;
	return {
		kind: 'pain',
		value: Math.min(10, Math.max(0, Math.round(p.pain + random.noise(1.2) + flare)))
	};
}
