import type { CommandGates } from '../live/live-classes';
import type { SteadyIo } from '../realtime/io-types';
import { poolEndBlocked } from '../roster/headcount-gate';
import { poolStartRefusal } from './start-gate';

/**
 * A pool class starts only after its checklist and ends only when everyone is counted out. The
 * live service runs these inside the command's transaction, so the answer still holds when the
 * command is stored, whichever server took it.
 */
export function poolGates(io: SteadyIo): CommandGates {
	return {
		beforeStart: (tx, live) => poolStartRefusal(tx, io, live.clinicId, live.sessionId),
		beforeEnd: (tx, live) => poolEndBlocked(tx, live.clinicId, live.sessionId)
	};
}
