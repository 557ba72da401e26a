import { and, eq, isNull } from 'drizzle-orm';
import type { DisplayCommandType } from '../../shared/displays';
import type { Database } from '../db/client';
import { displays, rooms } from '../db/schema';
import type { CommandResult, LiveClassService } from '../live/live-classes';
import type { Logger } from '../log';
import type { DisplayIdentity } from './pairing';
import { refuse } from '../../shared/refusals';

/**
 * A command from a display's clicker or keyboard. Read fresh from the database each time, not
 * from what the socket learned when it connected: a display removed, or a room whose setting
 * was switched off a moment ago, is refused at once. Then it is the phones' own path: the live
 * class service validates it against the timeline, logs it with the display as its author and
 * broadcasts it to phones and displays.
 */
export async function displayCommand(
	deps: { db: Database; live: LiveClassService; log: Logger },
	display: DisplayIdentity,
	input: { sessionId: string; clientCommandId: string; command: { type: DisplayCommandType } }
): Promise<CommandResult> {
	const [row] = await deps.db
		.select({ name: displays.name, controls: rooms.displayControls, roomId: displays.roomId })
		.from(displays)
		.innerJoin(rooms, eq(rooms.id, displays.roomId))
		.where(
			and(
				eq(displays.id, display.id),
				eq(displays.clinicId, display.clinicId),
				isNull(displays.revokedAt)
			)
		);
	if (!row) return refuse('display-removed');
	if (!row.controls) return refuse('clicker-off');
	// Only the class running in the display's own room (never another room's, or clinic's).
	const live = await deps.live.get(input.sessionId, display.clinicId);
	if (!live || live.roomId !== row.roomId || live.status !== 'live') {
		return refuse('no-live-class');
	}
	const result = await deps.live.command({
		sessionId: input.sessionId,
		command: input.command,
		clientCommandId: input.clientCommandId,
		display: { id: display.id, clinicId: display.clinicId, name: row.name }
	});
	if (result.ok && !result.duplicate) {
		deps.log.info(
			{
				sessionId: input.sessionId,
				seq: result.seq,
				command: input.command.type,
				displayId: display.id
			},
			'command'
		);
	}
	return result;
}
