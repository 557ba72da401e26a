import type { ClockPong } from '../shared/events';

export type ClockSample = { offsetMs: number; delayMs: number };

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

/** The lowest-delay samples are the least disturbed by the network: trust those. */
export function bestOffset(samples: ClockSample[]): number | null {
	if (samples.length === 0) return null;
	return samples.reduce((best, sample) => (sample.delayMs < best.delayMs ? sample : best)).offsetMs;
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
 * Keeps an estimate of server time on this device. Re-syncs every minute and whenever asked
 * (after a reconnect). Until the first sample, the last offset measured in this browser is used
 * (the phone's own clock if there is none).
 */
export class ClockSync {
	offsetMs = rememberedOffset();
	synced = false;
	#timer: ReturnType<typeof setInterval> | undefined;
	readonly #ping: Ping;
	readonly #samplesPerSync: number;

	constructor(ping: Ping, samplesPerSync = 6) {
		this.#ping = ping;
		this.#samplesPerSync = samplesPerSync;
	}

	now(): number {
		return Date.now() + this.offsetMs;
	}

	async sync(): Promise<void> {
		const samples: ClockSample[] = [];
		for (let i = 0; i < this.#samplesPerSync; i++) {
			const t0 = Date.now();
			const pong = await this.#ping(t0);
			if (pong) samples.push(sampleOf(pong, Date.now()));
		}
		const offset = bestOffset(samples);
		if (offset !== null) {
			this.offsetMs = offset;
			this.synced = true;
			try {
				globalThis.localStorage?.setItem(REMEMBERED, String(Math.round(offset)));
			} catch {
				// Private mode or full storage: the offset is simply measured again next time.
			}
		}
	}

	start(everyMs = 60_000): void {
		this.stop();
		void this.sync();
		this.#timer = setInterval(() => void this.sync(), everyMs);
	}

	stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = undefined;
	}
}
