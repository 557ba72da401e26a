import { and, asc, eq, isNull } from 'drizzle-orm';
import { staffEventSchemas, type StaffAcks } from '../../shared/events';
import { refuse } from '../../shared/refusals';
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
import { displaysOf, type StaffSocket } from './io-types';
import { announcePresence } from './presence';
import { classRoom, displayDevice, sessionRoom, userRoom } from './rooms';
import { StaffSessionGuard } from './staff-session';

/** A signed-in staff socket: whoami, clock sync, joining classes and sending commands. */
export function serveStaffSocket(app: App, socket: StaffSocket): void {
	const { io } = app;
	const { user, sessionToken } = socket.data;
	// Sign-out and a disabled account reach this socket through these, from any process.
	void socket.join([userRoom(user.id), sessionRoom(sessionToken)]);
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
			return { ...refuse('signed-out'), retry: true };
		}
		return null;
	}

	/** Into a class's room, unless the socket was cut while the handler ran. */
	async function joinClass(sessionId: string): Promise<boolean> {
		if (!socket.connected || socket.data.ended) return false;
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
			if (!live) return refuse('class-not-found');
			if (!(await joinClass(sessionId))) return refuse('signed-out');
			const snapshot = await controlSnapshot(app, sessionId, user.clinicId);
			announcePresence(app, sessionId, user.clinicId);
			return snapshot ? { ok: true, snapshot } : refuse('class-not-found');
		},

		'class:leave': async ({ sessionId }) => {
			if (!socket.rooms.has(classRoom(sessionId))) return { ok: true };
			await socket.leave(classRoom(sessionId));
			classes.delete(sessionId);
			announcePresence(app, sessionId, user.clinicId);
			return { ok: true };
		},

		'class:command': async ({ sessionId, clientCommandId, clientSeq, command }) => {
			if (clientSeq <= lastClientSeq) {
				// A retry of a command that was applied (its answer was lost) is answered, not
				// refused. A retry on a new socket starts over at clientSeq 1 and goes on to the
				// command itself, which knows its id too.
				const applied = await app.live.appliedSeq(sessionId, user.clinicId, clientCommandId);
				if (applied !== null) return { ok: true, seq: applied, duplicate: true };
				return refuse('out-of-order', { clientSeq, last: lastClientSeq });
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
			return entries ? { ok: true, entries } : refuse('class-not-found');
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
			if (!updated) return refuse('display-not-found');
			const [room] = await app.db
				.select({ speak: rooms.speakExerciseNames })
				.from(rooms)
				.where(eq(rooms.id, updated.roomId));
			displaysOf(io)
				.to(displayDevice(displayId))
				.emit('display:settings-changed', {
					volume: updated.volume,
					muted: updated.muted,
					speakExerciseNames: room?.speak ?? true
				});
			return { ok: true };
		},

		'display:identify': async ({ displayId }) => {
			const result = await identifyDisplay(app.db, io, user.clinicId, displayId);
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
			if (!live) return refuse('class-not-found');
			// In the room before reading: an entry committed meanwhile arrives live, not lost between.
			if (!(await joinClass(sessionId))) return refuse('signed-out');
			const clipboard = await classClipboard(app.db, user.clinicId, sessionId);
			return clipboard ? { ok: true, clipboard } : refuse('class-not-found');
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
			if (!room) return refuse('room-not-found');
			const screens = await app.db
				.select({ id: displays.id, volume: displays.volume, muted: displays.muted })
				.from(displays)
				.where(and(eq(displays.roomId, roomId), isNull(displays.revokedAt)));
			for (const screen of screens) {
				displaysOf(io).to(displayDevice(screen.id)).emit('display:settings-changed', {
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
		for (const sessionId of classes) announcePresence(app, sessionId, user.clinicId);
	});
}

/** The class as a phone needs it: schedule facts, the live log with names, the room's displays. */
export async function controlSnapshot(
	app: App,
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
		app.io,
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
