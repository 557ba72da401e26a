import { z } from 'zod';

/** Long enough for "Therapy Pool deep end TV", short enough to sit on one line of a phone. */
export const DISPLAY_NAME_MAX = 40;

/**
 * What staff call a display ("Gym A left TV"). Shown on phones, in the class log ("display
 * Gym A left TV: Pause") and huge on the TV by Identify, so no control characters and no
 * runs of spaces that would make two names look alike.
 */
export const displayNameSchema = z
	.string({ error: 'displays.name-required' })
	.transform((name) => name.replace(/\s+/g, ' ').trim())
	.pipe(
		z
			.string()
			.min(1, 'displays.name-required')
			.max(DISPLAY_NAME_MAX, 'field.too-long')
			// Control and invisible format characters (zero-width, direction marks): two names
			// that look the same on the wall must be the same name.
			.refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), 'displays.name-unshowable')
	);

/** "<room> TV 1", "<room> TV 2" …: the first number no display in the room uses yet. */
export function suggestDisplayName(roomName: string, taken: readonly string[]): string {
	const used = new Set(taken.map((name) => name.toLowerCase()));
	const base = `${roomName} TV`.slice(0, DISPLAY_NAME_MAX - 4);
	for (let n = 1; ; n++) {
		const candidate = `${base} ${n}`;
		if (!used.has(candidate.toLowerCase())) return candidate;
	}
}

/** Who gave a command, as the class log shows it. */
export const displayActor = (name: string) => `display ${name}`;

/**
 * What a display's clicker or keyboard may do, where its room allows it: run the class, never
 * start, end, jump or change its time (those stay with a phone, where the person is named).
 */
export const DISPLAY_COMMANDS = ['pause', 'resume', 'next', 'back', 'done', 'stop'] as const;
export type DisplayCommandType = (typeof DISPLAY_COMMANDS)[number];
