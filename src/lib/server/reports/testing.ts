import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { EntryPayload } from '../../shared/entries';
import type { Finding } from '../../shared/rules';
import {
	classSeries,
	classSessions,
	enrollments,
	participantEntries,
	participants,
	users
} from '../db/schema';
import { demoClinicDatabase } from '../testing/demo-clinic';

/**
 * Small hand-made report data for the reports' specs: the demo clinic (its room, routine and
 * staff), plus series, classes, places and entries the spec makes with known answers. For specs
 * only; nothing in the app imports it.
 */
/** A row to copy: without its id and creation time (the copy gets its own). */
function withoutKeys<T extends { id: string; createdAt: Date }>(
	row: T
): Omit<T, 'id' | 'createdAt'> {
	const copy: Partial<T> = { ...row };
	delete copy.id;
	delete copy.createdAt;
	return copy as Omit<T, 'id' | 'createdAt'>;
}

export async function reportFixture() {
	const { database, clinicId } = await demoClinicDatabase(new Date('2026-11-02T08:00:00Z'));
	const db = database.db;
	const [templateSession] = await db
		.select()
		.from(classSessions)
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	const [templateSeries] = await db
		.select()
		.from(classSeries)
		.where(eq(classSeries.id, templateSession!.seriesId!));
	const [tech] = await db.select().from(users).where(eq(users.role, 'technician'));
	// Only the spec's own rows count: the demo's classes move out of the way (to 2020).
	await db.update(classSessions).set({ startsAt: new Date('2020-01-06T10:00:00Z') });

	async function series(name: string, capacity = 4) {
		const rest = withoutKeys(templateSeries!);
		const [row] = await db
			.insert(classSeries)
			.values({ ...rest, name, capacity })
			.returning({ id: classSeries.id });
		return row!.id;
	}

	async function session(
		seriesId: string | null,
		startsAt: string,
		status: 'completed' | 'scheduled' | 'cancelled' = 'completed',
		capacity = 4
	) {
		const rest = withoutKeys(templateSession!);
		const [row] = await db
			.insert(classSessions)
			.values({
				...rest,
				seriesId,
				occurrenceDate: null,
				startsAt: new Date(startsAt),
				status,
				capacity,
				leadUserId: tech!.id,
				assistantUserIds: []
			})
			.returning({ id: classSessions.id });
		return row!.id;
	}

	async function participant(lastName: string, firstName = 'Pat') {
		const [row] = await db
			.insert(participants)
			.values({
				clinicId,
				firstName,
				lastName,
				displayName: `${firstName} ${lastName[0]}.`,
				dateOfBirth: '1950-01-01'
			})
			.returning({ id: participants.id });
		return row!.id;
	}

	async function enroll(
		participantId: string,
		target: { seriesId: string } | { sessionId: string },
		status: 'enrolled' | 'waitlisted' | 'cancelled' | 'walk_in' = 'enrolled',
		createdAt = '2026-01-01T00:00:00Z',
		promotedAt: string | null = null
	) {
		await db.insert(enrollments).values({
			clinicId,
			participantId,
			...target,
			status,
			createdAt: new Date(createdAt),
			promotedAt: promotedAt ? new Date(promotedAt) : null
		});
	}

	async function entry(
		sessionId: string,
		participantId: string,
		payload: EntryPayload,
		recordedAt: string,
		options: { findings?: Finding[]; supersedes?: string } = {}
	) {
		const id = randomUUID();
		await db.insert(participantEntries).values({
			id,
			clinicId,
			sessionId,
			participantId,
			kind: payload.kind,
			payload,
			recordedAt: new Date(recordedAt),
			userId: tech!.id,
			deviceId: 'spec',
			findings: options.findings ?? [],
			supersedes: options.supersedes ?? null
		});
		return id;
	}

	return {
		database,
		db,
		clinicId,
		technicianId: tech!.id,
		series,
		session,
		participant,
		enroll,
		entry
	};
}
