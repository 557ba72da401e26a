import { and, desc, eq } from 'drizzle-orm';
import { problemsOf, type Problems } from '../../i18n/problem';
import {
	poolCheckSchema,
	type PoolCheckLimits,
	type PoolCheckValues
} from '../../shared/pool-check';
import type { ClassSessionStatus } from '../../shared/domain';
import type { Database } from '../db/client';
import { classSessions, poolChecks, rooms, users } from '../db/schema';
import { clinicPoolRanges } from '../settings/clinic-options';

/**
 * The pool check before an aquatic class: water temperature against the room's target,
 * chemistry against the clinic's ranges (as they are when the check is made), safety equipment
 * and a rescuer on deck. A pool class does not start without one.
 */

import type { Reason } from '../../shared/refusals';
import { inClinic } from './clinic-scope';

export type RecordedPoolCheck = PoolCheckValues & {
	overrideReason: string | null;
	by: string;
	at: Date;
};

export type PoolCheckContext = {
	status: ClassSessionStatus;
	limits: PoolCheckLimits;
	check: RecordedPoolCheck | null;
};

async function poolSession(db: Database, clinicId: string, sessionId: string) {
	const [row] = await db
		.select({
			status: classSessions.status,
			kind: rooms.kind,
			waterTempMinC: rooms.waterTempMinC,
			waterTempMaxC: rooms.waterTempMaxC
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(inClinic(classSessions, clinicId, sessionId));
	return row?.kind === 'pool' ? row : null;
}

async function latestCheck(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<RecordedPoolCheck | null> {
	const [row] = await db
		.select({
			waterTempC: poolChecks.waterTempC,
			freeChlorinePpm: poolChecks.freeChlorinePpm,
			ph: poolChecks.ph,
			emergencyEquipmentChecked: poolChecks.emergencyEquipmentChecked,
			rescuerPresent: poolChecks.rescuerPresent,
			overrideReason: poolChecks.overrideReason,
			by: users.name,
			at: poolChecks.recordedAt
		})
		.from(poolChecks)
		.innerJoin(users, eq(users.id, poolChecks.userId))
		.where(and(eq(poolChecks.sessionId, sessionId), eq(poolChecks.clinicId, clinicId)))
		.orderBy(desc(poolChecks.recordedAt))
		.limit(1);
	return row ?? null;
}

/** What the phone needs for a pool class's check; null for a gym class or another clinic's. */
export async function poolCheckContext(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<PoolCheckContext | null> {
	const session = await poolSession(db, clinicId, sessionId);
	if (!session) return null;
	return {
		status: session.status,
		limits: await limitsFor(db, clinicId, session),
		check: await latestCheck(db, clinicId, sessionId)
	};
}

async function limitsFor(
	db: Database,
	clinicId: string,
	room: { waterTempMinC: number | null; waterTempMaxC: number | null }
): Promise<PoolCheckLimits> {
	const waterTempC =
		room.waterTempMinC !== null && room.waterTempMaxC !== null
			? { min: room.waterTempMinC, max: room.waterTempMaxC }
			: null;
	return { ...(await clinicPoolRanges(db, clinicId)), waterTempC };
}

/** `notFound`: no class of this clinic has that id. */
export type RecordPoolCheckResult =
	{ ok: true; duplicate: boolean } | { ok: false; problems: Problems; notFound?: true };

/**
 * Stores a check with the class, who and when. Bad input stores nothing. A second check for a
 * class that has one (a double tap, a second phone) is answered as done, not stored again.
 */
export async function recordPoolCheck(
	db: Database,
	user: { id: string; clinicId: string },
	sessionId: string,
	input: unknown
): Promise<RecordPoolCheckResult> {
	return db.transaction(async (tx) => {
		// The session row lock makes two phones recording at once take turns.
		const [locked] = await tx
			.select({ id: classSessions.id })
			.from(classSessions)
			.where(inClinic(classSessions, user.clinicId, sessionId))
			.for('update');
		if (!locked) {
			return { ok: false, problems: { form: { code: 'refusal.class-not-found' } }, notFound: true };
		}
		const session = await poolSession(tx, user.clinicId, sessionId);
		if (!session) return { ok: false, problems: { form: { code: 'controller.pool.not-a-pool' } } };
		if (await latestCheck(tx, user.clinicId, sessionId)) return { ok: true, duplicate: true };
		if (session.status !== 'scheduled') {
			return { ok: false, problems: { form: { code: 'controller.pool.already-started' } } };
		}
		const parsed = poolCheckSchema(await limitsFor(tx, user.clinicId, session)).safeParse(input);
		if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
		await tx
			.insert(poolChecks)
			.values({ ...parsed.data, clinicId: user.clinicId, sessionId, userId: user.id });
		return { ok: true, duplicate: false };
	});
}

/**
 * The pool check part of the start gate (the whole checklist is in pool/start-gate.ts): the
 * reason a class may not start yet, or null.
 */
export async function poolStartBlocked(
	db: Database,
	clinicId: string,
	sessionId: string
): Promise<Reason | null> {
	if (!(await poolSession(db, clinicId, sessionId))) return null;
	return (await latestCheck(db, clinicId, sessionId)) ? null : { code: 'pool-check-missing' };
}
