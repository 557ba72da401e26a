import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Server, Socket } from 'socket.io';
import { displayEventSchemas, type DisplayAcks } from '../../shared/events';
import type { App } from '../app';
import type { DisplayIdentity } from '../displays/pairing';
import { displaySnapshot } from '../displays/snapshot';
import { clockPong } from './clock';
import { serveEvents, type Handlers } from './dispatch';
import { displayDevice, displayRoom, pairingRoom } from './rooms';

export type DisplaySocketData = { display: DisplayIdentity | null; pairingCode?: string };

/** A screen needs a code every ten minutes; more than 10 a minute from one address is abuse. */
const codeRequests = new RateLimiterMemory({ points: 10, duration: 60 });

/**
 * A wall display's socket. Unpaired, it may only ask for a pairing code and collect its token;
 * paired, it gets its room's snapshot and the live class's commands. It never receives names,
 * notes or precautions: nothing here reads them.
 */
export function serveDisplaySocket(app: App, _io: Server, socket: Socket): void {
	const data = socket.data as DisplaySocketData;

	const handlers: Handlers<typeof displayEventSchemas, DisplayAcks> = {
		'clock:ping': async ({ t0 }) => clockPong(t0),

		'pairing:request': async () => {
			if (data.display) return { ok: false, error: 'This display is already paired' };
			try {
				await codeRequests.consume(socket.handshake.address);
			} catch {
				return { ok: false, error: 'Too many pairing codes asked for; wait a minute' };
			}
			// One code per screen: a fresh code retires the one it replaces.
			if (data.pairingCode) {
				await socket.leave(pairingRoom(data.pairingCode));
				await app.pairing.discard(data.pairingCode);
			}
			const { code, secret, expiresAt } = await app.pairing.requestCode();
			data.pairingCode = code;
			await socket.join(pairingRoom(code));
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
			return token ? { ok: true, token } : { ok: false, error: 'Not paired yet' };
		},

		'display:hello': async () => {
			if (!data.display) return { ok: false, error: 'Pair this display first' };
			await socket.join([displayRoom(data.display.roomId), displayDevice(data.display.id)]);
			const snapshot = await displaySnapshot(app.db, app.live, data.display);
			return snapshot ? { ok: true, snapshot } : { ok: false, error: 'Pair this display again' };
		},

		'class:log-since': async ({ sessionId, afterSeq }) => {
			if (!data.display) return { ok: false, error: 'Pair this display first' };
			const live = await app.live.get(sessionId, data.display.clinicId);
			// Only the class in the display's own room.
			if (!live || live.roomId !== data.display.roomId) {
				return { ok: false, error: 'No such class in this room' };
			}
			const entries = live.log
				.filter((entry) => entry.seq > afterSeq)
				.map(({ seq, at, command }) => ({ seq, at, command }));
			return { ok: true, entries };
		}
	};

	serveEvents(socket, displayEventSchemas, handlers, app.log);
}

/** The address the display itself used, so the QR code's link works from a phone on the LAN. */
function originOf(socket: Socket, configured: string | undefined): string {
	if (configured) return new URL(configured).origin;
	const origin = socket.handshake.headers.origin;
	if (origin) return origin;
	const secure = (socket.request.socket as { encrypted?: boolean }).encrypted;
	return `${secure ? 'https' : 'http'}://${socket.handshake.headers.host}`;
}
