import type { ClockPong } from '../shared/events';

export type ClockSample = { offsetMs: number; delayMs: number };

/** A sample kept across syncs, with the monotonic instant (performance.now()) it was taken. */
export type HeldSample = ClockSample & { takenAt: number };

/**
 * How fast two clocks may drift apart: 50 ppm, what a cheap crystal may be off by (NTP assumes
 * 15). A kept sample's error bound grows by this much per millisecond of age.
 */
export const DRIFT_PER_MS = 50e-6;

/** Samples older than this are forgotten, however good they were. */
export const MAX_SAMPLE_AGE_MS = 10 * 60_000;

// Ten minutes of one sample every 5 s, and a few bursts.
const MAX_HELD = 150;

/**
 * NTP's four timestamps: t0 sent (client), t1 received and t2 answered (server), t3 received
 * (client). The offset is what to add to the client clock to read server time.
 */
export function sampleOf(pong: ClockPong, t3: number): ClockSample {
	return {
		offsetMs: (pong.t1 - pong.t0 + (pong.t2 - t3)) / 2,
		delayMs: t3 - pong.t0 - (pong.t2 - pong.t1)
	};
}

/**
 * How far a sample's offset can be from the truth now: half its round trip (however unevenly
 * the trip split, the error is at most that), a millisecond for whole-millisecond timestamps,
 * and the drift since it was taken.
 */
export function errorBound(sample: HeldSample, now: number): number {
	return sample.delayMs / 2 + 1 + Math.max(0, now - sample.takenAt) * DRIFT_PER_MS;
}

function tightest(samples: HeldSample[], now: number): HeldSample {
	return samples.reduce((best, sample) =>
		errorBound(sample, now) < errorBound(best, now) ? sample : best
	);
}

/**
 * Adds a sync's samples to those kept and picks the one with the smallest error bound. One busy
 * moment (a stalled page, a loaded server) can delay every sample of a sync the same way; an
 * earlier, cleaner sample then stays in charge until its age outweighs it. Kept samples that
 * cannot be right together with the new ones are dropped: the device's clock was set since.
 */
export function mergeSamples(
	held: HeldSample[],
	fresh: HeldSample[],
	now: number
): { held: HeldSample[]; offsetMs: number | null } {
	if (fresh.length === 0) {
		return { held, offsetMs: held.length ? tightest(held, now).offsetMs : null };
	}
	const newest = tightest(fresh, now);
	const stillTrue = held.filter(
		(sample) =>
			now - sample.takenAt <= MAX_SAMPLE_AGE_MS &&
			Math.abs(sample.offsetMs - newest.offsetMs) <=
				errorBound(sample, now) + errorBound(newest, now)
	);
	const kept = [...stillTrue, ...fresh].slice(-MAX_HELD);
	return { held: kept, offsetMs: tightest(kept, now).offsetMs };
}

type Ping = (t0: number) => Promise<ClockPong | null>;

const REMEMBERED = 'steady-clock-offset';

/** The last offset this browser measured, so a page reloaded offline still reads server time. */
function rememberedOffset(): number {
	try {
		const value = Number(globalThis.localStorage?.getItem(REMEMBERED));
		return Number.isFinite(value) ? value : 0;
	} catch {
		return 0;
	}
}

/**
 * Keeps an estimate of server time on this device: a burst of samples on start and whenever
 * asked (after a reconnect), one sample every few seconds in between, and the best samples of
 * the last minutes kept (see mergeSamples). Until the
 * first sample, the last offset measured in this browser is used (the phone's own clock if
 * there is none).
 */
export class ClockSync {
	offsetMs = rememberedOffset();
	synced = false;
	#held: HeldSample[] = [];
	#timer: ReturnType<typeof setInterval> | undefined;
	#sampling = false;
	readonly #ping: Ping;
	readonly #samplesPerSync: number;

	constructor(ping: Ping, samplesPerSync = 6) {
		this.#ping = ping;
		this.#samplesPerSync = samplesPerSync;
	}

	now(): number {
		return Date.now() + this.offsetMs;
	}

	/** A burst of samples (on start, after a reconnect or the page was hidden). */
	sync(): Promise<void> {
		return this.#take(this.#samplesPerSync);
	}

	async #take(count: number): Promise<void> {
		const fresh: HeldSample[] = [];
		for (let i = 0; i < count; i++) {
			const t0 = Date.now();
			const pong = await this.#ping(t0);
			// Ages on the monotonic clock: setting the device's clock must not make a sample young.
			if (pong) fresh.push({ ...sampleOf(pong, Date.now()), takenAt: performance.now() });
		}
		const { held, offsetMs } = mergeSamples(this.#held, fresh, performance.now());
		this.#held = held;
		if (fresh.length > 0 && offsetMs !== null) {
			this.offsetMs = offsetMs;
			this.synced = true;
			try {
				globalThis.localStorage?.setItem(REMEMBERED, String(Math.round(offsetMs)));
			} catch {
				// Private mode or full storage: the offset is simply measured again next time.
			}
		}
	}

	/**
	 * A burst now, then one sample every `sampleEveryMs`. One burst is a single moment: on
	 * connecting, or on a busy device or network, all its samples can be held up alike. Samples
	 * spread over minutes almost always include some that were not, and mergeSamples keeps those.
	 */
	start(sampleEveryMs = 5_000): void {
		this.stop();
		void this.sync();
		this.#timer = setInterval(() => {
			if (this.#sampling) return; // the last one is still waiting for its answer
			this.#sampling = true;
			void this.#take(1).finally(() => (this.#sampling = false));
		}, sampleEveryMs);
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}
}
