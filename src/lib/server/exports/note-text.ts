import { describeJudgement, describeOutcome } from '../../shared/describe-outcome';
import type { Wording } from '../../shared/rules';
import type { NoteRow, SessionRow } from './read-types';

/**
 * A signed note as plain text for FHIR DocumentReference: the class, the lead's own words, the
 * outcome tests the note froze, the signature(s) and every addendum beside the original. Of the
 * draft (`draft`, shaped by `draft_version`, the notes feature's to render) only its outcome tests
 * are read (checked by readDraftTests); the rest is the note's own columns.
 */
export function noteText(note: NoteRow, session: SessionRow, words: Wording): string {
	const { t } = words;
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
	if (note.outcomeTests.length) {
		lines.push(`${t('outcomes.records.section')}:`);
		for (const test of note.outcomeTests) {
			const parts = [
				`${new Date(test.at).toISOString()} ${describeOutcome(words, test.result)}`,
				describeJudgement(words, test.result.test, test.judgement),
				...(test.tester
					? [
							t('outcomes.records.tester', {
								tester: who(test.tester.name, test.tester.credentials)
							})
						]
					: []),
				...(test.note ? [t('outcomes.records.note', { note: test.note })] : [])
			];
			lines.push(`- ${parts.join(' · ')}`);
		}
		lines.push('');
	}
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
