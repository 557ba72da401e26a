import { and, eq, isNull } from 'drizzle-orm';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Server, Socket } from 'socket.io';
import { staffEventSchemas, type StaffAcks } from '../../shared/events';
import type { ControlSnapshot } from '../../shared/live';
import type { App } from '../app';
import { classSessions, clinics, displays, rooms } from '../db/schema';
import { validateSession } from '../auth/session';
import { recordEntry } from '../entries/entries';
import { poolStartBlocked } from '../planning/pool-check';
import { poolEndBlocked } from '../roster/headcount-gate';
import { addWalkIn, classClipboard, searchParticipants } from '../roster/roster';
import { LiveClassService } from '../live/live-classes';
import { connectedDisplayIds, presenceOf } from './broadcast';
import { clockPong } from './clock';
import { serveEvents, type Handlers } from './dispatch';
import { classRoom, displayDevice } from './rooms';
import type { SocketData } from './socket-auth';

/** More than 20 commands a second from one phone is a stuck button or an attack, not a person. */
const commandFlood = new RateLimiterMemory({ points: 20, duration: 1 });
const SESSION_RECHECK_MS = 60_000;

/** A signed-in staff socket: whoami, clock sync, joining classes and sending commands. */
export function serveStaffSocket(app: App, io: Server, socket: Socket): void {
	const { user, sessionToken } = socket.data as SocketData;
	let lastClientSeq = 0;
	let sessionCheckedAt = Date.now();
	let sessionAlive = true;

	/**
	 * The session is re-checked (and its idle clock moved on) at most once a minute, on any
	 * event: a phone watching a class for half an hour without pressing anything is in use, and
	 * its Stop button must still work. Sign-out cuts the socket at once (disconnect.ts).
	 */
	async function sessionStillValid(): Promise<boolean> {
		if (sessionAlive && Date.now() - sessionCheckedAt > SESSION_RECHECK_MS) {
			sessionCheckedAt = Date.now();
			sessionAlive = Boolean(await validateSession(app.db, sessionToken));
		}
		return sessionAlive;
	}

	function endSignedOut() {
		socket.emit('session:ended', { reason: 'Signed out' });
		// After the acknowledgement has gone out.
		setTimeout(() => socket.disconnect(true), 50);
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

		'clock:ping': async ({ t0 }) => {
			const pong = clockPong(t0);
			// Phones ping every few seconds: this keeps a watching phone's session alive.
			void sessionStillValid().then((alive) => alive || endSignedOut());
			return pong;
		},

		'class:join': async ({ sessionId }) => {
			const live = await app.live.get(sessionId, user.clinicId);
			if (!live) return { ok: false, error: 'No such class in your clinic' };
			await socket.join(classRoom(sessionId));
			const snapshot = await controlSnapshot(app, io, sessionId, user.clinicId);
			io.to(classRoom(sessionId)).emit('class:presence', await presenceOf(io, live));
			return snapshot
				? { ok: true, snapshot }
				: { ok: false, error: 'No such class in your clinic' };
		},

		'class:leave': async ({ sessionId }) => {
			await socket.leave(classRoom(sessionId));
			const live = await app.live.get(sessionId, user.clinicId);
			if (live) io.to(classRoom(sessionId)).emit('class:presence', await presenceOf(io, live));
			return { ok: true };
		},

		'class:command': async ({ sessionId, clientCommandId, clientSeq, command }) => {
			try {
				await commandFlood.consume(socket.id);
			} catch {
				return { ok: false, error: 'Too many commands at once; wait a moment' };
			}
			if (!(await sessionStillValid())) {
				endSignedOut();
				return { ok: false, error: 'Signed out: sign in again to control the class' };
			}
			// A retry of a command that was applied (its answer was lost) is answered, not refused.
			const applied = await app.live.appliedSeq(sessionId, user.clinicId, clientCommandId);
			if (applied !== null) return { ok: true, seq: applied, duplicate: true };
			if (clientSeq <= lastClientSeq) {
				return {
					ok: false,
					error: `Out-of-order command ${clientSeq} (last was ${lastClientSeq})`
				};
			}
			lastClientSeq = clientSeq;
			// Pool classes: the pool check before the start, everyone out of the water before the end.
			const blocked =
				command.type === 'start'
					? await poolStartBlocked(app.db, user.clinicId, sessionId)
					: command.type === 'end'
						? await poolEndBlocked(app.db, user.clinicId, sessionId)
						: null;
			if (blocked) return { ok: false, error: blocked };
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

		'entry:record': async (entry) => {
			if (!(await sessionStillValid())) {
				endSignedOut();
				return {
					ok: false,
					error: 'Signed out: sign in again; the entry stays on this phone',
					retry: true
				};
			}
			const result = await recordEntry(app.db, app.live, user, entry);
			if (result.ok && !result.duplicate) {
				// Participants' details go to staff in the class only: displays never join this room.
				socket.to(classRoom(entry.sessionId)).emit('entry:recorded', {
					entry,
					findings: result.findings,
					by: user.name,
					at: result.at
				});
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
			if (!(await sessionStillValid())) {
				endSignedOut();
				return { ok: false, error: 'Signed out: sign in again' };
			}
			const live = await app.live.get(sessionId, user.clinicId);
			if (!live) return { ok: false, error: 'No such class in your clinic' };
			// In the room before reading: an entry committed meanwhile arrives live, not lost between.
			await socket.join(classRoom(sessionId));
			const clipboard = await classClipboard(app.db, user.clinicId, sessionId);
			return clipboard
				? { ok: true, clipboard }
				: { ok: false, error: 'No such class in your clinic' };
		},

		'roster:search': async ({ query }) => {
			if (!(await sessionStillValid())) {
				endSignedOut();
				return { ok: false, error: 'Signed out: sign in again' };
			}
			return { ok: true, participants: await searchParticipants(app.db, user.clinicId, query) };
		},

		'roster:walk-in': async ({ sessionId, participantId }) => {
			if (!(await sessionStillValid())) {
				endSignedOut();
				return { ok: false, error: 'Signed out: sign in again' };
			}
			const result = await addWalkIn(app.db, user.clinicId, sessionId, participantId);
			if (result.ok) io.to(classRoom(sessionId)).emit('roster:changed', { sessionId });
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

	serveEvents(socket, staffEventSchemas, handlers, app.log);

	socket.on('disconnecting', () => {
		const classes = [...socket.rooms].filter((room) => room.startsWith('class:'));
		// After the socket has left its rooms, tell the others who is still there.
		setTimeout(() => {
			for (const room of classes) {
				const sessionId = room.slice('class:'.length);
				void app.live.get(sessionId, user.clinicId).then(async (live) => {
					if (live) io.to(room).emit('class:presence', await presenceOf(io, live));
				});
			}
		}, 0);
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
			speak: rooms.speakExerciseNames
		})
		.from(classSessions)
		.innerJoin(rooms, eq(rooms.id, classSessions.roomId))
		.where(and(eq(classSessions.id, sessionId), eq(classSessions.clinicId, clinicId)));
	if (!row) return null;
	const live = await app.live.get(sessionId, clinicId);
	const screens = await app.db
		.select({ id: displays.id, volume: displays.volume, muted: displays.muted })
		.from(displays)
		.where(
			and(
				eq(displays.roomId, row.roomId),
				eq(displays.clinicId, clinicId),
				isNull(displays.revokedAt)
			)
		);
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
		displays: screens.map((s) => ({ ...s, connected: connected.has(s.id) })),
		speakExerciseNames: row.speak,
		serverTime: Date.now()
	};
}
