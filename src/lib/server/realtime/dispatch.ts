import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { AckResult } from '../../shared/events';
import { refuse, type Refusal } from '../../shared/refusals';
import type { Logger } from '../log';

type Schemas = Record<string, z.ZodType>;

/**
 * Runs before anything else for every event, known or not: rate limits, and for staff the
 * session check. Null lets the event through; a refusal is the answer.
 */
export type Gate = (event: string) => Promise<Refusal | null>;

/** No page has more than a few events in flight; more at once is a flood, refused unread. */
export const MAX_IN_FLIGHT = 16;

export type Handlers<S extends Schemas, A extends { [K in keyof S]: object }> = {
	[E in keyof S]: (payload: z.infer<S[E]>) => Promise<AckResult<A[E]>>;
};

/**
 * Serves one socket's events: every event passes the gate first (one place for limits and the
 * session, not a copy per handler); unknown events and payloads that fail their schema get an
 * error ack, a handler that throws gets a generic one (and a log line without the payload).
 * Nothing a client sends can crash the server or reach a handler unparsed.
 */
export function serveEvents<S extends Schemas, A extends { [K in keyof S]: object }>(
	socket: Socket,
	schemas: S,
	handlers: Handlers<S, A>,
	log: Logger,
	gate: Gate
): void {
	let inFlight = 0;
	socket.onAny((event: string, ...args: unknown[]) => {
		const ack =
			typeof args.at(-1) === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
		const reply = (result: AckResult<object>) => ack?.(result);
		if (inFlight >= MAX_IN_FLIGHT) {
			return reply({ ...refuse('too-many-requests'), retry: true });
		}
		inFlight++;
		void gate(String(event))
			.then((refusal) => (refusal ? reply(refusal) : serve(event, args, reply)))
			.catch((error: unknown) => {
				log.error({ err: error, event: String(event).slice(0, 60) }, 'socket gate failed');
				reply({ ...refuse('server-failed'), retry: true });
			})
			.finally(() => inFlight--);
	});

	async function serve(
		event: string,
		args: unknown[],
		reply: (result: AckResult<object>) => void
	): Promise<void> {
		if (typeof event !== 'string' || !Object.hasOwn(schemas, event)) {
			return reply(refuse('unknown-event', { event: String(event).slice(0, 60) }));
		}
		const name = event as keyof S & string;
		const parsed = schemas[name]!.safeParse(args[0] ?? {});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			// The schema's message is a catalog key (or zod's own words): refusalText words it.
			return reply(
				refuse('invalid-payload', {
					event: name,
					problem: issue?.message ?? 'not valid',
					field: issue?.path.join('.') || 'none'
				})
			);
		}
		try {
			reply(await handlers[name](parsed.data as z.infer<S[typeof name]>));
		} catch (error) {
			log.error({ err: error, event: name }, 'socket handler failed');
			reply({ ...refuse('server-failed'), retry: true });
		}
	}
}
