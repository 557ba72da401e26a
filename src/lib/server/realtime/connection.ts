import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import {
	clientEventSchemas,
	type AckResult,
	type ClientEventName,
	type WhoAmI
} from '../../shared/events';
import type { App } from '../app';
import { clinics } from '../db/schema';
import type { SocketData } from './socket-auth';

type Payload<E extends ClientEventName> = z.infer<(typeof clientEventSchemas)[E]>;
type Handler<E extends ClientEventName, T> = (payload: Payload<E>) => Promise<AckResult<T>>;

/** Wires one authenticated socket's events. Unknown events and bad payloads get an error ack. */
export function handleConnection(app: App, socket: Socket): void {
	const { user } = socket.data as SocketData;
	app.log.debug({ userId: user.id, socket: socket.id }, 'socket connected');

	const handlers: { [E in ClientEventName]: Handler<E, object> } = {
		'session:whoami': async (): Promise<AckResult<WhoAmI>> => {
			const [clinic] = await app.db
				.select({ name: clinics.name })
				.from(clinics)
				.where(eq(clinics.id, user.clinicId));
			return {
				ok: true,
				user: { name: user.name, role: user.role },
				clinicName: clinic?.name ?? ''
			};
		}
	};

	socket.onAny((event: string, ...args: unknown[]) => {
		const ack =
			typeof args.at(-1) === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
		const reply = (result: AckResult<object>) => ack?.(result);
		if (!Object.hasOwn(handlers, event)) {
			return reply({ ok: false, error: `Unknown event "${event.slice(0, 60)}"` });
		}
		const name = event as ClientEventName;
		const parsed = clientEventSchemas[name].safeParse(args[0] ?? {});
		if (!parsed.success) {
			return reply({ ok: false, error: `Invalid ${name}: ${parsed.error.issues[0]?.message}` });
		}
		handlers[name](parsed.data).then(reply, (error: unknown) => {
			app.log.error({ err: error, event: name }, 'socket handler failed');
			reply({ ok: false, error: 'The server could not do that; try again' });
		});
	});
}
