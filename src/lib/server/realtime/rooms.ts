import { createHash } from 'node:crypto';

/** socket.io room names, in one place so senders and joiners agree. */
export const classRoom = (sessionId: string) => `class:${sessionId}`;
export const displayRoom = (roomId: string) => `room:${roomId}`;
export const displayDevice = (displayId: string) => `display:${displayId}`;
export const pairingRoom = (code: string) => `pairing:${code}`;
/** Every socket of one staff member, and of one sign-in (hashed: room names travel via Redis). */
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionToken: string) =>
	`session:${createHash('sha256').update(sessionToken).digest('hex').slice(0, 32)}`;
