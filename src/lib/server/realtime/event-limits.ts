import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DisplayEventName, StaffEventName } from '../../shared/events';
import { refuse, type Refusal, type RefusalCode } from '../../shared/refusals';
import { rateLimiter } from './limit-store';

/**
 * How often each socket event may arrive: per socket, and per person (a user's sockets, or a
 * display's) so that opening more sockets buys no more. Every limit of the realtime server lives
 * in this file; they count in Redis when several processes run (limit-store.ts).
 *
 * `waitMs`: an event just over its budget waits for the next point instead of being refused, so
 * a phone's outbox sending a backlog one entry at a time is slowed, never turned away. Only a few
 * may wait per key; a burst beyond that (many in flight at once, which no page sends) is refused.
 */
export type Budget = { points: number; seconds: number; waitMs?: number };
type Limits = { socket: Budget; person: Budget; refusal?: RefusalCode };

const perSecond = (points: number, waitMs = 0): Budget => ({ points, seconds: 1, waitMs });
/** A person's budget: a few sockets' worth (phone, tablet, a second tab). */
const times3 = (budget: Budget): Budget => ({ ...budget, points: budget.points * 3 });
const limits = (socket: Budget, refusal?: RefusalCode): Limits => ({
	socket,
	person: times3(socket),
	refusal
});

/**
 * Typed by the event lists: a new event without a budget does not compile.
 * The pages' own rates: clock:ping every 4 s plus a few in a row when syncing; class:join on
 * every connect and class change; roster:search per search typed; entry:record one at a time
 * from the outbox, as fast as the database commits.
 */
export const staffLimits: Record<StaffEventName, Limits> = {
	'session:whoami': limits(perSecond(5, 1000)),
	'clock:ping': limits(perSecond(10, 1000)),
	'class:join': limits({ points: 10, seconds: 10, waitMs: 1000 }),
	'class:leave': limits({ points: 10, seconds: 10, waitMs: 1000 }),
	'class:command': limits(perSecond(20), 'too-many-commands'),
	'class:log-since': limits(perSecond(5, 1000)),
	'display:settings': limits(perSecond(10, 1000)),
	'room:speech': limits(perSecond(5, 1000)),
	// A name flashed on a TV for 5 s: a few taps to find the right one, not a light show.
	'display:identify': limits({ points: 3, seconds: 5 }, 'too-many-identifies'),
	'entry:record': limits(perSecond(50, 1000)),
	'class:clipboard': limits(perSecond(5, 1000)),
	'roster:search': limits(perSecond(5, 1000)),
	'roster:walk-in': limits(perSecond(5, 1000)),
	// A few taps per alert; an outbox-like retry of the unanswered ones after a reconnect.
	'alert:act': limits(perSecond(10, 1000))
};

/** A display asks for a code every ten minutes and polls little; the code limit is in display.ts. */
export const displayLimits: Record<DisplayEventName, Limits> = {
	'clock:ping': limits(perSecond(10, 1000)),
	'pairing:request': limits({ points: 5, seconds: 10 }),
	'pairing:claim': limits(perSecond(5, 1000)),
	'display:hello': limits({ points: 10, seconds: 10, waitMs: 1000 }),
	'class:log-since': limits(perSecond(5, 1000)),
	// Once a connection and once per language change (a class in another language starts).
	'display:voice': limits({ points: 10, seconds: 10, waitMs: 1000 }),
	// A clicker pressed quickly (Next, Next) a few times a second; a held key sends one command.
	'display:command': limits(perSecond(4, 500), 'too-many-commands')
};

/** Events no page sends: a few are answered with an error, a flood is not. */
const unknownEvent: Limits = limits(perSecond(5));

/** How many events may wait for a point at once, per socket or person. */
const MAX_WAITING = 3;

/** What a flood is answered with, unless the event names its own refusal. */
export const FLOOD_REFUSAL: RefusalCode = 'too-many-requests';

/** Off only in tests that must reach every handler many times over (the payload fuzz). */
export const eventLimits = { enforced: true };

const limiters = new Map<string, RateLimiterAbstract>();
const waiting = new Map<string, number>();

function limiterFor(name: string, budget: Budget): RateLimiterAbstract {
	let limiter = limiters.get(name);
	if (!limiter) {
		limiter = rateLimiter({
			keyPrefix: name,
			points: budget.points,
			duration: budget.seconds
		});
		limiters.set(name, limiter);
	}
	return limiter;
}

async function take(name: string, budget: Budget, key: string): Promise<boolean> {
	const limiter = limiterFor(name, budget);
	const slot = `${name}|${key}`;
	let waited = false;
	for (;;) {
		try {
			await limiter.consume(key);
			return true;
		} catch (error) {
			if (!(error instanceof RateLimiterRes)) throw error;
			const wait = error.msBeforeNext;
			const queued = waiting.get(slot) ?? 0;
			if (waited || !budget.waitMs || wait > budget.waitMs || queued >= MAX_WAITING) return false;
			waited = true;
			waiting.set(slot, queued + 1);
			await new Promise((resolve) => setTimeout(resolve, wait + 1));
			const left = (waiting.get(slot) ?? 1) - 1;
			if (left > 0) waiting.set(slot, left);
			else waiting.delete(slot);
		}
	}
}

/**
 * Takes one point for an event from the socket's and the person's budgets. Null when it may go
 * ahead, else the refusal to answer with: passing (`retry`), so an outbox keeps its entry.
 */
export async function takeEventPoint(
	namespace: 'staff' | 'display',
	event: string,
	keys: { socket: string; person: string }
): Promise<Refusal | null> {
	if (!eventLimits.enforced) return null;
	const table: Record<string, Limits> = namespace === 'staff' ? staffLimits : displayLimits;
	const known = Object.hasOwn(table, event);
	const rule = known ? table[event]! : unknownEvent;
	const name = `${namespace}:${known ? event : '?'}`;
	const allowed =
		(await take(`${name}:socket`, rule.socket, keys.socket)) &&
		(await take(`${name}:person`, rule.person, keys.person));
	return allowed ? null : { ...refuse(rule.refusal ?? FLOOD_REFUSAL), retry: true };
}
