/** socket.io room names, in one place so senders and joiners agree. */
export const classRoom = (sessionId: string) => `class:${sessionId}`;
export const displayRoom = (roomId: string) => `room:${roomId}`;
export const displayDevice = (displayId: string) => `display:${displayId}`;
export const pairingRoom = (code: string) => `pairing:${code}`;
