import type { App } from '../app';
import { serveDisplaySocket } from './display';
import type { DisplaySocket, StaffSocket } from './io-types';
import { serveStaffSocket } from './staff';

/** Routes an authenticated socket to its namespace's events. */
export function handleConnection(app: App, socket: StaffSocket | DisplaySocket): void {
	app.log.debug({ socket: socket.id, nsp: socket.nsp.name }, 'socket connected');
	if (socket.nsp.name === '/display') serveDisplaySocket(app, socket as DisplaySocket);
	else serveStaffSocket(app, socket as StaffSocket);
}
