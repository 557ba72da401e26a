/** Class notes (issue 13): drafting from a recorded class, billing arithmetic, the draft's shape. */
export { AQUATIC_CODE, GROUP_CODE, groupBilling, units97113 } from './billing';
export { draftNotes, tierOf, type DraftClass, type DraftEntry } from './draft';
export {
	NOTE_DRAFT_VERSION,
	noteDraftSchema,
	readDraft,
	readDraftTests,
	type NoteDraft,
	type NoteObservation,
	type NoteOutcomeTest
} from './draft-schema';
export { NOTE_TEXT_FIELDS, NOTE_TEXT_MAX, noteTextSchema, addendumSchema } from './note-text';
