// The baseline for the live-rooms benchmark: a bare `ws` server that relays a phone's message to
// its room's display, with no auth, database or state. Run as its own process, like Steady.
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 4295);
/** @type {Map<string, Set<import('ws').WebSocket>>} */
const displaysByRoom = new Map();
const server = new WebSocketServer({ port, host: '127.0.0.1' });

server.on('connection', (socket, request) => {
	const url = new URL(request.url ?? '/', 'http://x');
	const room = url.searchParams.get('room') ?? '';
	if (url.searchParams.get('role') === 'display') {
		if (!displaysByRoom.has(room)) displaysByRoom.set(room, new Set());
		displaysByRoom.get(room)?.add(socket);
		socket.on('close', () => displaysByRoom.get(room)?.delete(socket));
		return;
	}
	socket.on('message', (data) => {
		if (String(data) === 'stats') {
			const memory = process.memoryUsage();
			socket.send(JSON.stringify({ rss: memory.rss, heapUsed: memory.heapUsed }));
			return;
		}
		for (const display of displaysByRoom.get(room) ?? []) display.send(data);
	});
});
server.on('listening', () => console.log(`relay listening on ${port}`));
