import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { AckResult } from '../../shared/events';
import type { Logger } from '../log';

type Schemas = Record<string, z.ZodType>;
export type Handlers<S extends Schemas, A extends { [K in keyof S]: object }> = {
	[E in keyof S]: (payload: z.infer<S[E]>) => Promise<AckResult<A[E]>>;
};

/**
 * Serves one socket's events: unknown events and payloads that fail their schema get an error
 * ack, a handler that throws gets a generic one (and a log line without the payload). Nothing
 * a client sends can crash the server or reach a handler unparsed.
 */
export function serveEvents<S extends Schemas, A extends { [K in keyof S]: object }>(
	socket: Socket,
	schemas: S,
	handlers: Handlers<S, A>,
	log: Logger
): void {
	socket.onAny((event: string, ...args: unknown[]) => {
		const ack =
			typeof args.at(-1) === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
		const reply = (result: AckResult<object>) => ack?.(result);
		if (typeof event !== 'string' || !Object.hasOwn(schemas, event)) {
			return reply({ ok: false, error: `Unknown event "${String(event).slice(0, 60)}"` });
		}
		const name = event as keyof S & string;
		const parsed = schemas[name]!.safeParse(args[0] ?? {});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
			return reply({ ok: false, error: `Invalid ${name}: ${issue?.message}${where}` });
		}
		handlers[name](parsed.data as z.infer<S[typeof name]>).then(reply, (error: unknown) => {
			log.error({ err: error, event: name }, 'socket handler failed');
			reply({ ok: false, error: 'The server could not do that; try again', retry: true });
		});
	});
}
