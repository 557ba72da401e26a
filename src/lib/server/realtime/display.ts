import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { eq } from 'drizzle-orm';
import { displayEventSchemas, type DisplayAcks } from '../../shared/events';
import { refuse } from '../../shared/refusals';
import type { Locale } from '../../i18n/locales';
import type { App } from '../app';
import { displays } from '../db/schema';
import { displayCommand } from '../displays/display-commands';
import type { DisplayIdentity } from '../displays/pairing';
import { displaySnapshot } from '../displays/snapshot';
import { clientAddressOf } from './client-address';
import { clockPong } from './clock';
import { serveEvents, type Handlers } from './dispatch';
import { takeEventPoint } from './event-limits';
import { rateLimiter } from './limit-store';
import type { DisplaySocket } from './io-types';
import { announceRoomPresence } from './presence';
import { displayDevice, displayRoom, pairingRoom } from './rooms';

export type DisplaySocketData = {
	display: DisplayIdentity | null;
	pairingCode?: string;
	/** Whether the screen can speak the language it shows, as it last said (display:voice). */
	voice?: { locale: Locale; hasVoice: boolean };
};

/** A screen needs a code every ten minutes; more than 10 a minute from one address is abuse. */
let codeRequests: RateLimiterAbstract | undefined;
const codeRequestLimit = () =>
	(codeRequests ??= rateLimiter({ keyPrefix: 'pairing-codes', points: 10, duration: 60 }));

/**
 * An unpaired display asks for a code as soon as it connects and for a fresh one before each
 * expires. One that does neither for this long is not a display at work: it is dropped (a real
 * one reconnects and asks again).
 */
export const unpairedIdle = { graceMs: 30_000 };

/**
 * A wall display's socket. Unpaired, it may only ask for a pairing code and collect its token;
 * paired, it gets its room's snapshot and the live class's commands. It never receives names,
 * notes or precautions: nothing here reads them.
 */
export function serveDisplaySocket(app: App, socket: DisplaySocket): void {
	const data = socket.data;
	const person = data.display ? `display:${data.display.id}` : `address:${clientAddressOf(socket)}`;
	const gate = (event: string) => takeEventPoint('display', event, { socket: socket.id, person });

	let idleTimer: ReturnType<typeof setTimeout> | undefined;
	const dropIfIdleFor = (ms: number) => {
		clearTimeout(idleTimer);
		if (data.display) return;
		idleTimer = setTimeout(() => socket.disconnect(true), ms);
	};
	dropIfIdleFor(unpairedIdle.graceMs);
	socket.on('disconnect', () => {
		clearTimeout(idleTimer);
		if (data.display) void wentAway(app, data.display);
	});
	let lastClientSeq = 0;

	const handlers: Handlers<typeof displayEventSchemas, DisplayAcks> = {
		'clock:ping': async ({ t0 }) => clockPong(t0),

		'pairing:request': async () => {
			if (data.display) return refuse('display-already-paired');
			try {
				await codeRequestLimit().consume(clientAddressOf(socket));
			} catch {
				return refuse('too-many-pairing-codes');
			}
			// One code per screen: a fresh code retires the one it replaces.
			if (data.pairingCode) {
				await socket.leave(pairingRoom(data.pairingCode));
				await app.pairing.discard(data.pairingCode);
			}
			const { code, secret, expiresAt } = await app.pairing.requestCode();
			data.pairingCode = code;
			await socket.join(pairingRoom(code));
			dropIfIdleFor(expiresAt.getTime() - Date.now() + unpairedIdle.graceMs);
			return {
				ok: true,
				code,
				secret,
				expiresAt: expiresAt.toISOString(),
				pairUrl: `${originOf(socket, app.config.origin)}/control/pair?code=${code}`
			};
		},

		'pairing:claim': async ({ code, secret }) => {
			const token = await app.pairing.claim(code, secret);
			return token ? { ok: true, token } : refuse('not-paired-yet');
		},

		'display:hello': async () => {
			if (!data.display) return refuse('pair-first');
			await socket.join([displayRoom(data.display.roomId), displayDevice(data.display.id)]);
			await announceDisplayPresence(app, data.display);
			const snapshot = await displaySnapshot(app.db, app.live, data.display);
			return snapshot ? { ok: true, snapshot } : refuse('pair-again');
		},

		'class:log-since': async ({ sessionId, afterSeq }) => {
			if (!data.display) return refuse('pair-first');
			const live = await app.live.get(sessionId, data.display.clinicId);
			// Only the class in the display's own room.
			if (!live || live.roomId !== data.display.roomId) {
				return refuse('class-not-in-room');
			}
			const entries = live.log
				.filter((entry) => entry.seq > afterSeq)
				.map(({ seq, at, command }) => ({ seq, at, command }));
			return { ok: true, entries };
		},

		'display:voice': async ({ locale, hasVoice }) => {
			if (!data.display) return refuse('pair-first');
			const changed = data.voice?.locale !== locale || data.voice?.hasVoice !== hasVoice;
			data.voice = { locale, hasVoice };
			if (changed) await announceDisplayPresence(app, data.display);
			return { ok: true };
		},

		'display:command': async ({ sessionId, clientCommandId, clientSeq, command }) => {
			if (!data.display) return refuse('pair-first');
			// As for phones: a retry of an applied command is answered, a replay or reordering refused.
			const display = data.display;
			if (clientSeq <= lastClientSeq) {
				const applied = await app.live.appliedSeq(sessionId, display.clinicId, clientCommandId);
				if (applied !== null) return { ok: true, seq: applied, duplicate: true };
				return refuse('out-of-order', { clientSeq, last: lastClientSeq });
			}
			lastClientSeq = clientSeq;
			return displayCommand(app, display, { sessionId, clientCommandId, command });
		}
	};

	serveEvents(socket, displayEventSchemas, handlers, app.log, gate);
}

/** The room's phones learn that a display came or went (no names travel: a count). */
async function announceDisplayPresence(app: App, display: DisplayIdentity) {
	try {
		await announceRoomPresence(app, display.roomId, display.clinicId);
	} catch (error) {
		app.log.warn({ err: error, displayId: display.id }, 'display presence failed');
	}
}

/** "Last seen" on the phones is when the display left, not when it arrived. */
async function wentAway(app: App, display: DisplayIdentity) {
	try {
		await app.db
			.update(displays)
			.set({ lastSeenAt: new Date() })
			.where(eq(displays.id, display.id));
	} catch (error) {
		app.log.warn({ err: error, displayId: display.id }, 'display last seen failed');
	}
	await announceDisplayPresence(app, display);
}

/** The address the display itself used, so the QR code's link works from a phone on the LAN. */
function originOf(socket: DisplaySocket, configured: string | undefined): string {
	if (configured) return new URL(configured).origin;
	const origin = socket.handshake.headers.origin;
	if (origin) return origin;
	const secure = (socket.request.socket as { encrypted?: boolean }).encrypted;
	return `${secure ? 'https' : 'http'}://${socket.handshake.headers.host}`;
}
