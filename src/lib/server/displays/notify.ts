import { runtime } from '../../../../server/registry.js';
import { normalizePairingCode } from '../../shared/pairing-code';
import { displayDevice, pairingRoom } from '../realtime/rooms';

/** Tells the display showing `code` that it was paired, so it collects its token. */
export function notifyPaired(code: string): void {
	const normalized = normalizePairingCode(code);
	runtime()
		.io?.of('/display')
		.to(pairingRoom(normalized))
		.emit('pairing:paired', { code: normalized });
}

/** A removed display forgets its token and goes back to showing a pairing code. */
export function notifyRevoked(displayId: string): void {
	const room = runtime().io?.of('/display').to(displayDevice(displayId));
	room?.emit('display:revoked', {});
	room?.disconnectSockets(true);
}
