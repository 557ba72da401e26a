import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, gt, isNotNull, ne } from 'drizzle-orm';
import { createStaffUser } from '../src/lib/server/auth/users';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import * as schema from '../src/lib/server/db/schema';
import { seedDemoClinic } from '../src/lib/server/db/seed/demo';

export const OTHER_COORDINATOR = 'other.coordinator@example.org';
export const OTHER_PASSWORD = 'other-clinic-password';

/** Rows of the demo clinic (clinic A) that the routes are tried on. */
export type ClinicIds = {
	participantId: string;
	seriesId: string;
	sessionId: string;
	roomId: string;
	routineId: string;
	exerciseId: string;
	mediaFile: string;
	/** Two paired displays: each of clinic A's roles that may remove one removes its own. */
	displayIds: [string, string];
	/** A class of `participantId`'s, and an open handout link to it (issue 13). */
	handoutSessionId: string;
	handoutToken: string;
};

// The smallest PNG there is: 1x1, transparent.
const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
		'1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
	'hex'
);

/**
 * Prepares a DATA_DIR the way a server would leave it: the demo clinic (A), and a second clinic
 * (B) with its own coordinator, created as `npm run user:create` would. Run it before the
 * server starts: the embedded database is single-process.
 */
export async function prepareTwoClinics(
	dataDir: string
): Promise<{ ids: ClinicIds; otherCoordinatorId: string }> {
	const database = await openDatabase({ dataDir });
	try {
		await database.migrate(path.resolve('drizzle'));
		const db = database.db;
		const { clinicId } = await seedDemoClinic(db);
		await db.insert(schema.clinics).values({ name: 'Other Clinic', timeZone: 'UTC' });
		const created = await createStaffUser(db, {
			email: OTHER_COORDINATOR,
			name: 'Other Coordinator',
			role: 'coordinator',
			password: OTHER_PASSWORD,
			clinicName: 'Other Clinic',
			timeZone: 'UTC'
		});
		if (!created.ok) throw new Error(created.error);

		const [place] = await db
			.select({ participantId: schema.enrollments.participantId })
			.from(schema.enrollments)
			.where(
				and(eq(schema.enrollments.clinicId, clinicId), eq(schema.enrollments.status, 'enrolled'))
			)
			.limit(1);
		// A class still to come, and a different series to end (ending one withdraws its classes).
		const [session] = await db
			.select({ id: schema.classSessions.id, seriesId: schema.classSessions.seriesId })
			.from(schema.classSessions)
			.where(
				and(
					eq(schema.classSessions.clinicId, clinicId),
					gt(schema.classSessions.startsAt, new Date(Date.now() + 86_400_000)),
					isNotNull(schema.classSessions.seriesId)
				)
			)
			.orderBy(asc(schema.classSessions.startsAt))
			.limit(1);
		const [series] = await db
			.select({ id: schema.classSeries.id })
			.from(schema.classSeries)
			.where(
				and(
					eq(schema.classSeries.clinicId, clinicId),
					ne(schema.classSeries.id, session!.seriesId!)
				)
			)
			.limit(1);
		const [room] = await db
			.select({ id: schema.rooms.id })
			.from(schema.rooms)
			.where(eq(schema.rooms.clinicId, clinicId))
			.limit(1);
		const [routine] = await db
			.select({ id: schema.routines.id })
			.from(schema.routines)
			.where(eq(schema.routines.clinicId, clinicId))
			.limit(1);
		// An exercise a routine uses: the coordinator's own "delete" is refused, not carried out.
		const [used] = await db
			.select({ id: schema.exercises.id })
			.from(schema.exercises)
			.innerJoin(schema.routineBlocks, eq(schema.routineBlocks.exerciseId, schema.exercises.id))
			.where(eq(schema.exercises.clinicId, clinicId))
			.limit(1);
		const mediaFile = `${'ab'.repeat(16)}.png`;
		fs.mkdirSync(path.join(dataDir, 'media'), { recursive: true });
		fs.writeFileSync(path.join(dataDir, 'media', mediaFile), PNG);
		await db
			.update(schema.exercises)
			.set({ mediaFile, mediaType: 'image/png' })
			.where(eq(schema.exercises.id, used!.id));
		const displays = await db
			.insert(schema.displays)
			.values([1, 2].map((n) => ({ clinicId, roomId: room!.id, tokenHash: `not a token ${n}` })))
			.returning({ id: schema.displays.id });
		const ids: ClinicIds = {
			displayIds: [displays[0]!.id, displays[1]!.id],
			participantId: place!.participantId,
			seriesId: series!.id,
			sessionId: session!.id,
			roomId: room!.id,
			routineId: routine!.id,
			exerciseId: used!.id,
			mediaFile,
			...(await handoutLinkOf(db, clinicId, place!.participantId))
		};
		return { ids, otherCoordinatorId: created.userId };
	} finally {
		await database.close();
	}
}

/** A class the participant has a place in, and an open handout link to it with a known token. */
async function handoutLinkOf(
	db: Database,
	clinicId: string,
	participantId: string
): Promise<{ handoutSessionId: string; handoutToken: string }> {
	const [theirs] = await db
		.select({ sessionId: schema.classSessions.id })
		.from(schema.enrollments)
		.innerJoin(schema.classSessions, eq(schema.classSessions.seriesId, schema.enrollments.seriesId))
		.where(
			and(
				eq(schema.enrollments.clinicId, clinicId),
				eq(schema.enrollments.participantId, participantId),
				eq(schema.enrollments.status, 'enrolled')
			)
		)
		.limit(1);
	const [user] = await db
		.select({ id: schema.users.id })
		.from(schema.users)
		.where(eq(schema.users.clinicId, clinicId))
		.limit(1);
	const handoutToken = randomBytes(32).toString('base64url');
	await db.insert(schema.handoutLinks).values({
		clinicId,
		participantId,
		sessionId: theirs!.sessionId,
		tokenHash: createHash('sha256').update(handoutToken).digest('hex'),
		createdBy: user!.id,
		expiresAt: new Date(Date.now() + 7 * 86_400_000)
	});
	return { handoutSessionId: theirs!.sessionId, handoutToken };
}
