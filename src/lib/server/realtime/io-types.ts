import type { Namespace, RemoteSocket, Server, Socket } from 'socket.io';
import type {
	DisplayClientEvents,
	DisplayServerEvents,
	InterServerEvents,
	StaffClientEvents,
	StaffServerEvents
} from '../../shared/events';
import type { DisplaySocketData } from './display';
import type { SocketData } from './socket-auth';

/**
 * socket.io typed by the event maps of shared/events.ts on both namespaces: an emit of an
 * unknown broadcast, or with the wrong payload, does not compile. The staff namespace is the
 * server's default one; displays have their own.
 */
export type SteadyIo = Server<StaffClientEvents, StaffServerEvents, InterServerEvents, SocketData>;
export type StaffSocket = Socket<
	StaffClientEvents,
	StaffServerEvents,
	InterServerEvents,
	SocketData
>;
export type DisplayNamespace = Namespace<
	DisplayClientEvents,
	DisplayServerEvents,
	InterServerEvents,
	DisplaySocketData
>;
export type DisplaySocket = Socket<
	DisplayClientEvents,
	DisplayServerEvents,
	InterServerEvents,
	DisplaySocketData
>;
export type RemoteDisplaySocket = RemoteSocket<DisplayServerEvents, DisplaySocketData>;

/** The wall displays' namespace, with its own event maps. */
export function displaysOf(io: SteadyIo): DisplayNamespace {
	return io.of('/display') as unknown as DisplayNamespace;
}
