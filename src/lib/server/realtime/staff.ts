import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Server, Socket } from 'socket.io';
import { staffEventSchemas, type StaffAcks } from '../../shared/events';
import type { ControlSnapshot } from '../../shared/live';
import type { App } from '../app';
import { classSessions, clinics, displays, rooms } from '../db/schema';
import { identifyDisplay } from '../displays/identify';
import { recordEntry } from '../entries/entries';
import { recordAlertAction, sitOutActionView } from '../alerts/alert-actions';
import { addWalkIn, classClipboard, searchParticipants } from '../roster/roster';
import { LiveClassService } from '../live/live-classes';
import { connectedDisplayIds } from './broadcast';
import { clockPong } from './clock';
import { serveEvents, type Handlers } from './dispatch';
import { takeEventPoint } from './event-limits';
import { announcePresence } from './presence';
import { classRoom, displayDevice } from './rooms';
import type { SocketData } from './socket-auth';
import { SESSION_ENDED_ERROR, StaffSessionGuard } from './staff-session';

/** A signed-in staff socket: whoami, clock sync, joining classes and sending commands. */
export function serveStaffSocket(app: App, io: Server, socket: Socket): void {
	const { user } = socket.data as SocketData;
	let lastClientSeq = 0;
	const session = new StaffSessionGuard(app, socket);
	/** The classes this socket is in, for a last presence update when it goes (however it goes). */
	const classes = new Set<string>();

	/** Every event, before its handler: within its budgets, and from a session still alive. */
	async function gate(event: string) {
		const flooded = await takeEventPoint('staff', event, { socket: socket.id, person: user.id });
		if (flooded) return flooded;
		// `retry`: an entry refused for this stays on the phone until its user signs in again.
		if (!(await session.allows(event))) {
			return { ok: false as const, error: SESSION_ENDED_ERROR, retry: true };
		}
		return null;
	}

	/** Into a class's room, unless the socket was cut while the handler ran. */
	async function joinClass(sessionId: string): Promise<boolean> {
		if (!socket.connected || (socket.data as SocketData).ended) return false;
		await socket.join(classRoom(sessionId));
		classes.add(sessionId);
		return true;
	}

	const handlers: Handlers<typeof staffEventSchemas, StaffAcks> = {
		'session:whoami': async () => {
			const [clinic] = await app.db
				.select({ name: clinics.name })
				.from(clinics)
				.where(eq(clinics.id, user.clinicId));
			return {
				ok: true,
				user: { name: user.name, role: user.role },
				clinicName: clinic?.name ?? ''
			};
		},

		// Whether a ping keeps the session alive is the session guard's business (staff-session.ts).
		'clock:ping': async ({ t0 }) => clockPong(t0),

		'class:join': async ({ sessionId }) => {
			const live = await app.live.get(sessionId, user.clinicId);
			if (!live) return { ok: false, error: 'No such class in your clinic' };
			if (!(await joinClass(sessionId))) return { ok: false, error: SESSION_ENDED_ERROR };
			const snapshot = await controlSnapshot(app, io, sessionId, user.clinicId);
			announcePresence(app, io, sessionId, user.clinicId);
			return snapshot
				? { ok: true, snapshot }
				: { ok: false, error: 'No such class in your clinic' };
		},

		'class:leave': async ({ sessionId }) => {
			if (!socket.rooms.has(classRoom(sessionId))) return { ok: true };
			await socket.leave(classRoom(sessionId));
			classes.delete(sessionId);
			announcePresence(app, io, sessionId, user.clinicId);
			return { ok: true };
		},

		'class:command': async ({ sessionId, clientCommandId, clientSeq, command }) => {
			if (clientSeq <= lastClientSeq) {
				// A retry of a command that was applied (its answer was lost) is answered, not
				// refused. A retry on a new socket starts over at clientSeq 1 and goes on to the
				// command itself, which knows its id too.
				const applied = await app.live.appliedSeq(sessionId, user.clinicId, clientCommandId);
				if (applied !== null) return { ok: true, seq: applied, duplicate: true };
				return {
					ok: false,
					error: `Out-of-order command ${clientSeq} (last was ${lastClientSeq})`
				};
			}
			lastClientSeq = clientSeq;
			// Pool classes' checklist and headcount gates run inside the command (command-gates.ts).
			const result = await app.live.command({ sessionId, user, command, clientCommandId });
			if (result.ok && !result.duplicate) {
				app.log.info(
					{ sessionId, seq: result.seq, command: command.type, userId: user.id },
					'command'
				);
			}
			return result;
		},

		'class:log-since': async ({ sessionId, afterSeq }) => {
			const entries = await app.live.logSince(sessionId, user.clinicId, afterSeq);
			return entries ? { ok: true, entries } : { ok: false, error: 'No such class in your clinic' };
		},

		'display:settings': async ({ displayId, volume, muted }) => {
			const [updated] = await app.db
				.update(displays)
				.set({
					...(volume !== undefined ? { volume } : {}),
					...(muted !== undefined ? { muted } : {})
				})
				.where(and(eq(displays.id, displayId), eq(displays.clinicId, user.clinicId)))
				.returning({ volume: displays.volume, muted: displays.muted, roomId: displays.roomId });
			if (!updated) return { ok: false, error: 'No such display in your clinic' };
			const [room] = await app.db
				.select({ speak: rooms.speakExerciseNames })
				.from(rooms)
				.where(eq(rooms.id, updated.roomId));
			io.of('/display')
				.to(displayDevice(displayId))
				.emit('display:settings', {
					volume: updated.volume,
					muted: updated.muted,
					speakExerciseNames: room?.speak ?? true
				});
			return { ok: true };
		},

		'display:identify': async ({ displayId }) => {
			const result = await identifyDisplay(app.db, user.clinicId, displayId);
			return result.ok ? { ok: true } : result;
		},

		'entry:record': async (entry) => {
			const result = await recordEntry(app.db, app.live, user, entry);
			if (result.ok && !result.duplicate) {
				// Participants' details go to staff in the class only: displays never join this room.
				socket.to(classRoom(entry.sessionId)).emit('entry:recorded', {
					entry,
					findings: result.findings,
					by: user.name,
					at: result.at
				});
				// A sit-out from an alert is also an action on it: every phone's overlay says who.
				if (entry.payload.kind === 'sit_out' && entry.payload.alertId) {
					const action = await sitOutActionView(app.db, entry.id);
					if (action) {
						socket.to(classRoom(entry.sessionId)).emit('alert:acted', {
							sessionId: entry.sessionId,
							action
						});
					}
				}
				// No participant data in the log line: ids and kinds only.
				app.log.info(
					{ sessionId: entry.sessionId, kind: entry.payload.kind, userId: user.id },
					'entry'
				);
			}
			return result.ok
				? { ok: true, duplicate: result.duplicate, findings: result.findings, at: result.at }
				: result;
		},

		'class:clipboard': async ({ sessionId }) => {
			const live = await app.live.get(sessionId, user.clinicId);
			if (!live) return { ok: false, error: 'No such class in your clinic' };
			// In the room before reading: an entry committed meanwhile arrives live, not lost between.
			if (!(await joinClass(sessionId))) return { ok: false, error: SESSION_ENDED_ERROR };
			const clipboard = await classClipboard(app.db, user.clinicId, sessionId);
			return clipboard
				? { ok: true, clipboard }
				: { ok: false, error: 'No such class in your clinic' };
		},

		'roster:search': async ({ query }) => {
			return { ok: true, participants: await searchParticipants(app.db, user.clinicId, query) };
		},

		'roster:walk-in': async ({ sessionId, participantId }) => {
			const result = await addWalkIn(app.db, user.clinicId, sessionId, participantId);
			if (result.ok) io.to(classRoom(sessionId)).emit('roster:changed', { sessionId });
			return result;
		},

		'alert:act': async (input) => {
			const result = await recordAlertAction(app.db, user, input);
			if (result.ok && !result.duplicate) {
				// Staff in the class only: displays never join this room.
				socket
					.to(classRoom(input.sessionId))
					.emit('alert:acted', { sessionId: input.sessionId, action: result.action });
				app.log.info(
					{ sessionId: input.sessionId, action: input.action, userId: user.id },
					'alert action'
				);
			}
			return result;
		},

		'room:speech': async ({ roomId, enabled }) => {
			const [room] = await app.db
				.update(rooms)
				.set({ speakExerciseNames: enabled })
				.where(and(eq(rooms.id, roomId), eq(rooms.clinicId, user.clinicId)))
				.returning({ id: rooms.id });
			if (!room) return { ok: false, error: 'No such room in your clinic' };
			const screens = await app.db
				.select({ id: displays.id, volume: displays.volume, muted: displays.muted })
				.from(displays)
				.where(and(eq(displays.roomId, roomId), isNull(displays.revokedAt)));
			for (const screen of screens) {
				io.of('/display').to(displayDevice(screen.id)).emit('display:settings', {
					volume: screen.volume,
					muted: screen.muted,
					speakExerciseNames: enabled
				});
			}
			return { ok: true };
		}
	};

	serveEvents(socket, staffEventSchemas, handlers, app.log, gate);

	// The socket has left its rooms by now: tell the others who is still there.
	socket.on('disconnect', () => {
		for (const sessionId of classes) announcePresence(app, io, sessionId, user.clinicId);
	});
}

/** The class as a phone needs it: schedule facts, the live log with names, the room's displays. */
export async function controlSnapshot(
	app: App,
	io: Server,
	sessionId: string,
	clinicId: string
): Promise<ControlSnapshot | null> {
	const [row] = await app.db
		.select({
			name: classSessions.name,
			status: classSessions.status,
			startsAt: classSessions.startsAt,
			roomId: rooms.id,
			roomName: rooms.name,
			roomKind: rooms.kind,
			speak: rooms.speakExerciseNames,
			displayControls: rooms.displayControls
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!row) return null;
	const live = await app.live.get(sessionId, clinicId);
	const screens = await app.db
		.select({
			id: displays.id,
			name: displays.name,
			lastSeenAt: displays.lastSeenAt,
			volume: displays.volume,
			muted: displays.muted
		})
		.from(displays)
		.where(
			and(
				eq(displays.roomId, row.roomId),
				eq(displays.clinicId, clinicId),
				isNull(displays.revokedAt)
			)
		)
		.orderBy(asc(displays.name), asc(displays.pairedAt));
	const connected = await connectedDisplayIds(
		io,
		screens.map((s) => s.id)
	);
	return {
		sessionId,
		name: row.name,
		roomId: row.roomId,
		roomName: row.roomName,
		roomKind: row.roomKind,
		startsAt: row.startsAt.toISOString(),
		status: live?.status ?? row.status,
		live: live ? LiveClassService.view(live, (entry) => entry) : null,
		displays: screens.map((s) => ({
			...s,
			lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
			connected: connected.has(s.id)
		})),
		speakExerciseNames: row.speak,
		displayControls: row.displayControls,
		serverTime: Date.now()
	};
}
