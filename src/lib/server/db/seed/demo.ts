import { displayNameOf, type ClassType, type Role } from '../../../shared/domain';
import { dosingSchema, type Dosing } from '../../../shared/dosing';
import { addDays, localDate, weekdayOf, zonedTimeToInstant } from '../../../shared/time-zone';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../auth/password';
import { ensureBuiltinClassTypes } from '../../settings/class-types';
import type { Database } from '../client';
import {
	classSeries,
	classTypes,
	classSessions,
	clinics,
	enrollments,
	exercises,
	participants,
	rooms,
	routineBlocks,
	routines,
	routineVersions,
	users
} from '../schema';
import { DEMO_ROUTINES, TRANSITION_SECONDS, type RoutineStep } from './demo-routines';
import { EXERCISE_CATALOG } from './exercise-catalog';
import { EXERCISE_CATALOG_ES } from './exercise-catalog-es';
import { PARTICIPANT_ROSTER } from './participant-roster';
import { DEMO_OVERRIDE_REASONS } from './demo-overrides';
import { aquaticRefusal } from '../../planning/enrollment-checks';

export const DEMO_PASSWORD = 'steady-demo';
export const DEMO_USERS: { email: string; name: string; role: Role; credentials: string }[] = [
	{ email: 'coordinator@example.org', name: 'Casey Morgan', role: 'coordinator', credentials: '' },
	{ email: 'technician@example.org', name: 'Jordan Lee', role: 'technician', credentials: 'PTA' },
	// Signs and co-signs class notes (issue 13); runs classes like a technician.
	{ email: 'therapist@example.org', name: 'Sam Rivera', role: 'therapist', credentials: 'DPT' }
];

/** What a handout prints as the clinic's contact. */
export const DEMO_CONTACT = 'Riverside Rehab · 555-0142 · 12 River Road';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
type Weekday = (typeof WEEKDAYS)[number];

const DEMO_SERIES: {
	type: ClassType;
	room: string;
	routine: string;
	days: Weekday[];
	time: string;
	durationMinutes: number;
	capacity: number;
}[] = [
	{
		type: 'balance',
		room: 'Gym A',
		routine: 'Balance Basics',
		days: ['MO', 'WE', 'FR'],
		time: '09:30',
		durationMinutes: 45,
		capacity: 10
	},
	{
		type: 'aquatic',
		room: 'Therapy Pool',
		routine: 'Aquatic Balance',
		days: ['MO', 'WE', 'FR'],
		time: '11:00',
		durationMinutes: 60,
		capacity: 8
	},
	{
		type: 'core',
		room: 'Gym A',
		routine: 'Core Strength',
		days: ['TU', 'TH'],
		time: '13:30',
		durationMinutes: 45,
		capacity: 10
	}
];

/** Weeks of sessions created ahead, starting with the current week. */
const WEEKS_AHEAD = 4;

type BlockRow = typeof routineBlocks.$inferInsert;

/**
 * The demo clinic: staff, rooms, the exercise catalog, three routines, sixteen fictional
 * participants and weekly classes with sessions today and for the coming weeks. Every series also
 * meets on the weekday the demo is created, so "Today" is never empty on first start.
 */
export async function seedDemoClinic(
	db: Database,
	now = new Date(),
	timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
): Promise<{ clinicId: string }> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return db.transaction(async (tx) => {
		const [clinic] = await tx
			.insert(clinics)
			// A demo is tried at any hour: its classes may start any time on their day (a whole day
			// either side, held to the class's own day). A real clinic keeps the default (an hour
			// either side), set in Settings. Twelve hours was not enough: a 9:30 class could not
			// be started after 21:30, and the e2e suite failed late in the evening.
			.values({
				name: 'Riverside Rehab (demo)',
				timeZone,
				contact: DEMO_CONTACT,
				startWindowBeforeMinutes: 1440,
				startWindowAfterMinutes: 1440
			})
			.returning({ id: clinics.id });
		const clinicId = clinic!.id;
		// The built-in class types; the demo's series and sessions are scheduled as them.
		await ensureBuiltinClassTypes(tx, clinicId);
		const typeRows = await tx
			.select({ id: classTypes.id, kind: classTypes.kind })
			.from(classTypes)
			.where(eq(classTypes.clinicId, clinicId));
		const classTypeIdOf = (kind: ClassType) => typeRows.find((row) => row.kind === kind)!.id;

		const staff = await tx
			.insert(users)
			.values(DEMO_USERS.map((user) => ({ ...user, clinicId, passwordHash })))
			.returning({ id: users.id, role: users.role });
		const technicianId = staff.find((user) => user.role === 'technician')!.id;
		const coordinatorId = staff.find((user) => user.role === 'coordinator')!.id;

		const roomRows = await tx
			.insert(rooms)
			.values([
				{ clinicId, name: 'Gym A', kind: 'gym', capacity: 12 },
				{
					clinicId,
					name: 'Therapy Pool',
					kind: 'pool',
					capacity: 8,
					// Hydrotherapy pools run at 33-36 C (clinical.md section 4).
					waterTempMinC: 33,
					waterTempMaxC: 35,
					participantsPerStaff: 4
				}
			])
			.returning({ id: rooms.id, name: rooms.name, kind: rooms.kind });

		const exerciseRows = await tx
			.insert(exercises)
			.values(
				EXERCISE_CATALOG.map((exercise) => {
					// Spanish name and cue for a class set to Spanish; notes stay English (staff).
					const spanish = EXERCISE_CATALOG_ES[exercise.name];
					return { ...exercise, clinicId, translations: spanish ? { es: spanish } : {} };
				})
			)
			.returning({ id: exercises.id, name: exercises.name, dosing: exercises.dosing });
		const exerciseByName = new Map(exerciseRows.map((row) => [row.name, row]));

		const routineByName = new Map<string, { routineId: string; versionId: string }>();
		for (const routine of DEMO_ROUTINES) {
			const [routineRow] = await tx
				.insert(routines)
				.values({ clinicId, name: routine.name, description: routine.description })
				.returning({ id: routines.id });
			const [version] = await tx
				.insert(routineVersions)
				.values({ routineId: routineRow!.id, version: 1, transitionSeconds: TRANSITION_SECONDS })
				.returning({ id: routineVersions.id });
			const blocks = routineBlocksFor(routine.steps, exerciseByName);
			await tx
				.insert(routineBlocks)
				.values(blocks.map((block) => ({ ...block, routineVersionId: version!.id })));
			routineByName.set(routine.name, { routineId: routineRow!.id, versionId: version!.id });
		}

		const participantRows = await tx
			.insert(participants)
			.values(
				PARTICIPANT_ROSTER.map((person) => ({
					clinicId,
					firstName: person.firstName,
					lastName: person.lastName,
					displayName: displayNameOf(person.firstName, person.lastName),
					dateOfBirth: person.dateOfBirth,
					sex: person.sex,
					precautions: person.precautions,
					assistiveDevice: person.assistiveDevice,
					aquaticScreening: {
						screenedOn: localDate(timeZone, now),
						exclusions: person.aquaticExclusions,
						precautions: person.aquaticPrecautions
					},
					goals: person.goals,
					emergencyContact: person.emergencyContact,
					preferredLanguage: person.preferredLanguage ?? null
				}))
			)
			.returning({ id: participants.id });

		const today = localDate(timeZone, now);
		const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
		const todayCode = WEEKDAYS[weekdayOf(today)]!;

		for (const plan of DEMO_SERIES) {
			const days = plan.days.includes(todayCode) ? plan.days : [...plan.days, todayCode];
			const name = plan.routine;
			const roomId = roomRows.find((room) => room.name === plan.room)!.id;
			const { routineId, versionId: routineVersionId } = routineByName.get(plan.routine)!;
			// A pool needs enough staff in the water for its ratio: the coordinator assists there.
			const assistantUserIds = plan.type === 'aquatic' ? [coordinatorId] : [];
			const [series] = await tx
				.insert(classSeries)
				.values({
					clinicId,
					name,
					type: plan.type,
					classTypeId: classTypeIdOf(plan.type),
					roomId,
					routineId,
					leadUserId: technicianId,
					assistantUserIds,
					capacity: plan.capacity,
					rrule: `FREQ=WEEKLY;BYDAY=${WEEKDAYS.filter((d) => days.includes(d)).join(',')}`,
					startTime: plan.time,
					durationMinutes: plan.durationMinutes,
					startsOn: monday
				})
				.returning({ id: classSeries.id });

			const dates = Array.from({ length: WEEKS_AHEAD * 7 }, (_, i) => addDays(monday, i)).filter(
				(date) => days.includes(WEEKDAYS[weekdayOf(date)]!)
			);
			await tx.insert(classSessions).values(
				dates.map((date) => ({
					clinicId,
					seriesId: series!.id,
					name,
					type: plan.type,
					classTypeId: classTypeIdOf(plan.type),
					roomId,
					routineVersionId,
					leadUserId: technicianId,
					assistantUserIds,
					capacity: plan.capacity,
					startsAt: zonedTimeToInstant(date, plan.time, timeZone),
					occurrenceDate: date,
					durationMinutes: plan.durationMinutes
				}))
			);

			const roomKind = roomRows.find((room) => room.id === roomId)!.kind;
			const members = PARTICIPANT_ROSTER.flatMap((person, i) =>
				person.classes.includes(plan.type) ? [{ person, id: participantRows[i]!.id }] : []
			);
			await tx.insert(enrollments).values(
				members.map(({ person, id: participantId }, i) => ({
					clinicId,
					participantId,
					seriesId: series!.id,
					status: i < plan.capacity ? ('enrolled' as const) : ('waitlisted' as const),
					...demoOverride(person, roomKind, coordinatorId)
				}))
			);
		}
		return { clinicId };
	});
}

/**
 * A place the enrolment checks would refuse (a pool exclusion in a pool) carries the
 * coordinator's written reason, like one made on the roster page; none is a seed error.
 */
function demoOverride(
	person: (typeof PARTICIPANT_ROSTER)[number],
	roomKind: string,
	coordinatorId: string
): { overrideReason?: string; overrideBy?: string } {
	if (!aquaticRefusal(roomKind, person.aquaticExclusions)) return {};
	const name = `${person.firstName} ${person.lastName}`;
	const reason = DEMO_OVERRIDE_REASONS[name];
	if (!reason) throw new Error(`demo enrols ${name} despite a pool exclusion without a reason`);
	return { overrideReason: reason, overrideBy: coordinatorId };
}

/**
 * Steps become blocks. The "get ready" before each exercise that follows one is the version's
 * transition_seconds, which the plan turns into blocks of its own.
 */
export function routineBlocksFor(
	steps: RoutineStep[],
	exerciseByName: Map<string, { id: string; dosing: Dosing }>
): Omit<BlockRow, 'routineVersionId'>[] {
	const blocks: Omit<BlockRow, 'routineVersionId'>[] = [];
	for (const step of steps) {
		if ('exercise' in step) {
			const exercise = exerciseByName.get(step.exercise);
			if (!exercise) throw new Error(`demo routine names unknown exercise "${step.exercise}"`);
			const dosing = step.dosing
				? dosingSchema.parse({ ...exercise.dosing, ...step.dosing })
				: null;
			blocks.push({
				position: blocks.length,
				phase: step.phase,
				kind: 'exercise',
				exerciseId: exercise.id,
				dosing
			});
		} else {
			blocks.push({
				position: blocks.length,
				phase: step.phase,
				kind: 'rest',
				seconds: step.seconds,
				label: step.label ?? ''
			});
		}
	}
	return blocks;
}
