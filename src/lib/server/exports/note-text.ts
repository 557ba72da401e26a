import type { Wording } from '../../shared/rules';
import type { NoteRow, SessionRow } from './read-types';

/**
 * A signed note as plain text for FHIR DocumentReference: the class, the lead's own words, the
 * signature(s) and every addendum beside the original. The draft (`draft`, shaped by
 * `draft_version`) is the notes feature's to render; this reads only the note's own columns.
 */
export function noteText(note: NoteRow, session: SessionRow, { t }: Wording): string {
	const lines = [
		`${t('exports.note.class')}: ${session.name} · ${session.roomName} · ${session.startsAt.toISOString()}`,
		'',
		`${t('exports.note.response')}: ${note.response}`,
		`${t('exports.note.cues')}: ${note.cues}`,
		`${t('exports.note.goals')}: ${note.goals}`,
		`${t('exports.note.plan')}: ${note.plan}`,
		''
	];
	const who = (name: string | null, credentials: string | null) =>
		[name ?? '', credentials ?? ''].filter(Boolean).join(', ');
	if (note.signedAt) {
		lines.push(
			`${t('exports.note.signed')}: ${who(note.signerName, note.signerCredentials)} · ${note.signedAt.toISOString()}`
		);
	}
	if (note.cosignedAt) {
		lines.push(
			`${t('exports.note.cosigned')}: ${who(note.cosignerName, note.cosignerCredentials)} · ${note.cosignedAt.toISOString()}`
		);
	}
	for (const addendum of note.addenda) {
		lines.push(
			'',
			`${t('exports.note.addendum')} · ${who(addendum.authorName, addendum.authorCredentials)} · ${addendum.at.toISOString()}`,
			addendum.text
		);
	}
	return lines.join('\n');
}
