import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { recordAudit, users, type AuditAction, type AuditSubject } from '../db/schema';

type Writer = Pick<Database, 'insert'>;

/** One line of the records' audit log. `detail`: ids, counts, ranges and formats only, never PHI. */
export type AuditEvent = {
	clinicId: string;
	/** Null only for an opening of a handout link (no account). */
	userId: string | null;
	/** A phone's device id, or `deviceOf(request)` for a browser. */
	device: string;
	action: AuditAction;
	subject: AuditSubject;
	participantId?: string | null;
	sessionId?: string | null;
	subjectId?: string | null;
	detail?: Record<string, string | number | boolean | null>;
};

/**
 * Appends to the audit log. Pass the transaction that makes the change, so the change and its
 * audit line are stored together or not at all.
 */
export async function audit(db: Writer, event: AuditEvent): Promise<void> {
	await db.insert(recordAudit).values({
		clinicId: event.clinicId,
		userId: event.userId,
		device: event.device.slice(0, 120),
		action: event.action,
		subject: event.subject,
		participantId: event.participantId ?? null,
		sessionId: event.sessionId ?? null,
		subjectId: event.subjectId ?? null,
		detail: event.detail ?? {}
	});
}

/**
 * Which device a browser request came from, in a few words: the browser and system from the
 * User-Agent (no address, nothing that identifies a patient).
 */
export function deviceOf(request: Request): string {
	const agent = request.headers.get('user-agent') ?? '';
	const browser = /(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(agent)?.[0] ?? 'browser';
	const system = /\(([^;)]+)/.exec(agent)?.[1] ?? '';
	return system ? `${browser} (${system})` : browser;
}

export type AuditLine = {
	at: Date;
	userName: string | null;
	device: string;
	action: AuditAction;
	subject: AuditSubject;
	participantId: string | null;
	sessionId: string | null;
	subjectId: string | null;
	detail: unknown;
};

/** The audit log of one participant or one class, newest first (coordinators read it). */
export async function auditLog(
	db: Database,
	clinicId: string,
	of: { participantId: string } | { sessionId: string },
	limit = 500
): Promise<AuditLine[]> {
	const about: SQL =
		'participantId' in of
			? eq(recordAudit.participantId, of.participantId)
			: eq(recordAudit.sessionId, of.sessionId);
	return db
		.select({
			at: recordAudit.at,
			userName: users.name,
			device: recordAudit.device,
			action: recordAudit.action,
			subject: recordAudit.subject,
			participantId: recordAudit.participantId,
			sessionId: recordAudit.sessionId,
			subjectId: recordAudit.subjectId,
			detail: recordAudit.detail
		})
		.from(recordAudit)
		.leftJoin(users, eq(users.id, recordAudit.userId))
		.where(and(eq(recordAudit.clinicId, clinicId), about))
		.orderBy(desc(recordAudit.at))
		.limit(limit);
}
