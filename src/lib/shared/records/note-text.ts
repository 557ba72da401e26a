import { z } from 'zod';

/** The lead's own words on a note; each field is at most this long. */
export const NOTE_TEXT_MAX = 2000;
export const NOTE_TEXT_FIELDS = ['response', 'cues', 'goals', 'plan'] as const;
export type NoteTextField = (typeof NOTE_TEXT_FIELDS)[number];

const field = z.string().trim().max(NOTE_TEXT_MAX, 'records.text-too-long');

export const noteTextSchema = z.object({
	participantId: z.uuid(),
	response: field,
	cues: field,
	goals: field,
	plan: field
});
export type NoteText = z.infer<typeof noteTextSchema>;

export const addendumSchema = z.object({
	participantId: z.uuid(),
	text: z
		.string()
		.trim()
		.min(1, 'records.addendum-required')
		.max(NOTE_TEXT_MAX, 'records.text-too-long')
});

export const participantSchema = z.object({ participantId: z.uuid() });
