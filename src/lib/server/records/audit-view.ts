import type { AuditAction, AuditSubject } from '../db/schema';
import type { AuditLine } from './audit';

/** At most this many lines on a page (newest first): a long history says so. */
export const AUDIT_PAGE_LINES = 500;

/** An audit line as a page shows it: words are the page's, ids and PHI stay out. */
export type AuditRow = {
	key: string;
	at: string;
	userName: string | null;
	device: string;
	action: AuditAction;
	subject: AuditSubject;
	/** A change the catalog words (`records.what.<change>`), with the identifier kind it was. */
	change: { code: 'identifier-added' | 'identifier-removed'; kind: 'mrn' | 'ehr' } | null;
};

const CHANGES = ['identifier-added', 'identifier-removed'] as const;

export function auditRows(lines: AuditLine[]): AuditRow[] {
	return lines.map((line, index) => {
		const detail = (line.detail ?? {}) as Record<string, unknown>;
		const code = CHANGES.find((c) => c === detail.change);
		const kind = detail.kind === 'mrn' || detail.kind === 'ehr' ? detail.kind : null;
		return {
			key: `${line.at.getTime()}-${index}`,
			at: line.at.toISOString(),
			userName: line.userName,
			device: line.device,
			action: line.action,
			subject: line.subject,
			change: code && kind ? { code, kind } : null
		};
	});
}
