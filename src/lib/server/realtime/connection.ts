import type { Server, Socket } from 'socket.io';
import type { App } from '../app';
import { serveDisplaySocket } from './display';
import { serveStaffSocket } from './staff';

/** Routes an authenticated socket to its namespace's events. */
export function handleConnection(app: App, io: Server, socket: Socket): void {
	app.log.debug({ socket: socket.id, nsp: socket.nsp.name }, 'socket connected');
	if (socket.nsp.name === '/display') serveDisplaySocket(app, io, socket);
	else serveStaffSocket(app, io, socket);
}
