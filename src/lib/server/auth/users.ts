import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../shared/domain';
import type { Database } from '../db/client';
import { clinics, sessions, users } from '../db/schema';
import { disconnectUser } from '../realtime/disconnect';
import type { SteadyIo } from '../realtime/io-types';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';

export type NewStaffUser = {
	email: string;
	name: string;
	role: Role;
	/** As signed notes show them after the name ("PTA", "DPT"); empty for none. */
	credentials?: string;
	password: string;
	/** Needed only when the database has no clinic yet (or more than one). */
	clinicName?: string;
	timeZone: string;
};

/**
 * Creates a staff account for a real deployment. With no clinic yet, creates it too; with one,
 * joins it; with several, the clinic must be named.
 */
export async function createStaffUser(
	db: Database,
	input: NewStaffUser
): Promise<{ ok: true; userId: string; clinicName: string } | { ok: false; error: string }> {
	if (input.password.length < MIN_PASSWORD_LENGTH) {
		return { ok: false, error: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.` };
	}
	const email = input.email.trim().toLowerCase();
	const [taken] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(sql`lower(${users.email})`, email));
	if (taken) return { ok: false, error: `There is already an account for ${email}.` };

	const existing = await db.select({ id: clinics.id, name: clinics.name }).from(clinics);
	let clinic = input.clinicName
		? existing.find((c) => c.name.toLowerCase() === input.clinicName!.toLowerCase())
		: existing.length === 1
			? existing[0]
			: undefined;
	if (!clinic && existing.length > 1 && !input.clinicName) {
		return {
			ok: false,
			error: `Several clinics exist; name one with --clinic (${existing.map((c) => c.name).join(', ')}).`
		};
	}
	if (!clinic) {
		if (existing.length > 0 && input.clinicName) {
			return { ok: false, error: `No clinic is called "${input.clinicName}".` };
		}
		if (!input.clinicName) return { ok: false, error: 'No clinic yet: name it with --clinic.' };
		[clinic] = await db
			.insert(clinics)
			.values({ name: input.clinicName, timeZone: input.timeZone })
			.returning({ id: clinics.id, name: clinics.name });
	}
	const [user] = await db
		.insert(users)
		.values({
			clinicId: clinic!.id,
			email,
			name: input.name,
			role: input.role,
			credentials: input.credentials ?? '',
			passwordHash: await hashPassword(input.password)
		})
		.returning({ id: users.id });
	return { ok: true, userId: user!.id, clinicName: clinic!.name };
}

/**
 * Disables an account: it can no longer sign in, its sessions end, and with `io` its open
 * sockets are cut at once on every process (a script has none: its disable reaches the servers'
 * sockets at their next session re-check, within a minute). False if there was no such active
 * account.
 */
export async function disableUser(
	db: Database,
	userId: string,
	{ now = new Date(), io }: { now?: Date; io?: SteadyIo } = {}
): Promise<boolean> {
	const [disabled] = await db
		.update(users)
		.set({ disabledAt: now })
		.where(and(eq(users.id, userId), isNull(users.disabledAt)))
		.returning({ id: users.id });
	if (!disabled) return false;
	await db.delete(sessions).where(eq(sessions.userId, userId));
	if (io) disconnectUser(io, userId);
	return true;
}

/**
 * `npm run user:disable`: the account by its email (any case). From a separate process the
 * server's own timer cuts the account's sockets within a minute (its sessions are gone).
 */
export async function disableUserByEmail(
	db: Database,
	email: string
): Promise<{ ok: true } | { ok: false; error: string }> {
	const [user] = await db
		.select({ id: users.id, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
	if (!user) return { ok: false, error: `No account with the email ${email}.` };
	if (user.disabledAt) return { ok: false, error: `${email} is already disabled.` };
	await disableUser(db, user.id);
	return { ok: true };
}
