import type { ClockPong } from '../../shared/events';

/** The server's half of NTP: when the ping arrived (t1) and when the answer left (t2). */
export function clockPong(t0: number): { ok: true } & ClockPong {
	const t1 = Date.now();
	return { ok: true, t0, t1, t2: Date.now() };
}
