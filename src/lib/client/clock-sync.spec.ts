import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClockSync, MAX_SAMPLE_AGE_MS, mergeSamples, sampleOf } from './clock-sync';

describe('clock sync', () => {
	it('computes offset and delay from four timestamps', () => {
		// Client is 5 s behind the server; 20 ms each way; server takes 2 ms.
		const sample = sampleOf({ t0: 1000, t1: 6020, t2: 6022 }, 1042);
		expect(sample.offsetMs).toBe(5000);
		expect(sample.delayMs).toBe(40);
	});

	it('keeps the lowest-delay sample', () => {
		const at = (offsetMs: number, delayMs: number) => ({ offsetMs, delayMs, takenAt: 0 });
		const merged = mergeSamples([], [at(4900, 300), at(5001, 12), at(5100, 80)], 0);
		expect(merged.offsetMs).toBe(5001);
		expect(mergeSamples([], [], 0).offsetMs).toBeNull();
	});

	it('converges on a skewed clock despite jittery, asymmetric delays', async () => {
		const skew = -180_000; // this device is three minutes behind
		let call = 0;
		const clock = new ClockSync(async (t0) => {
			// The request is slow by `jitter` ms on the way out; the answer takes 2 ms back.
			const jitter = [150, 3, 60, 90, 8, 200][call++ % 6]!;
			const serverNow = t0 - skew + jitter;
			await new Promise((resolve) => setTimeout(resolve, jitter + 1 + 2));
			return { t0, t1: serverNow, t2: serverNow + 1 };
		}, 6);
		await clock.sync();
		expect(clock.synced).toBe(true);
		// Server time = device time - skew; the best sample's error is half its asymmetry.
		expect(Math.abs(clock.offsetMs - -skew)).toBeLessThan(15);
	});
});

/**
 * A device and a server on fake time: the server's clock is the true one, the device's wall
 * clock is `deviceError` off it (and can be set), and each ping takes `outMs` there and `backMs`
 * back, as a busy page or network would make it.
 */
function fakeLink(deviceError: number) {
	vi.useFakeTimers({ toFake: ['Date', 'performance', 'setTimeout', 'setInterval'] });
	const serverNow = () => Date.now() - link.deviceError;
	const link = {
		deviceError,
		outMs: 1,
		backMs: 1,
		ping: async (t0: number) => {
			vi.advanceTimersByTime(link.outMs);
			const t1 = serverNow();
			vi.advanceTimersByTime(link.backMs);
			return { t0, t1, t2: t1 };
		},
		/** How far the device's idea of server time is from the server's clock. */
		errorOf: (clock: ClockSync) => clock.now() - serverNow()
	};
	return link;
}

describe('clock sync over time', () => {
	afterEach(() => vi.useRealTimers());

	it('a sync whose every sample was held up does not move a good estimate', async () => {
		const link = fakeLink(180_000); // three minutes fast
		const clock = new ClockSync(link.ping);
		await clock.sync();
		expect(Math.abs(link.errorOf(clock))).toBeLessThanOrEqual(1);

		// A minute later the page is busy: every request waits 30 ms before it leaves.
		vi.advanceTimersByTime(60_000);
		link.outMs = 31;
		await clock.sync();
		// Taken alone, these samples would put the clock 15 ms ahead (the measurement the
		// clock-skew bench caught: a display jumping by 13 ms at a re-sync).
		expect(Math.abs(link.errorOf(clock))).toBeLessThanOrEqual(1);
	});

	it('samples every few seconds, so a held-up first burst is soon corrected', async () => {
		const link = fakeLink(180_000);
		// Connecting: the page and the server are busy, every request is held up 31 ms.
		link.outMs = 31;
		const clock = new ClockSync(link.ping);
		clock.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(clock.synced).toBe(true);
		expect(link.errorOf(clock)).toBeGreaterThan(10);
		link.outMs = 1;
		await vi.advanceTimersByTimeAsync(5_000);
		expect(Math.abs(link.errorOf(clock))).toBeLessThanOrEqual(1);
		clock.stop();
	});

	it('prefers a fresh sample once an old one has aged past it', async () => {
		const link = fakeLink(0);
		const clock = new ClockSync(link.ping);
		await clock.sync();
		// Five minutes on, the device's clock has drifted 4 ms (13 ppm) and the link is slower.
		vi.advanceTimersByTime(5 * 60_000);
		link.deviceError = 4;
		link.outMs = 5;
		link.backMs = 5;
		await clock.sync();
		// The old sample's bound (1.5 + 15 ms of allowed drift) is now worse than a fresh one's (6).
		expect(Math.abs(link.errorOf(clock))).toBeLessThanOrEqual(1);
	});

	it('follows at once when the device clock is set, even over a worse link', async () => {
		const link = fakeLink(180_000);
		const clock = new ClockSync(link.ping);
		await clock.sync();
		vi.advanceTimersByTime(60_000);
		// Someone corrects the device's clock; the monotonic clock goes on as it was.
		vi.setSystemTime(Date.now() - 180_000);
		link.deviceError = 0;
		link.outMs = 40;
		link.backMs = 40;
		await clock.sync();
		expect(Math.abs(link.errorOf(clock))).toBeLessThanOrEqual(1);
	});

	it('forgets samples older than ten minutes', () => {
		const old = { offsetMs: 0, delayMs: 0, takenAt: 0 };
		const fresh = { offsetMs: 20, delayMs: 44, takenAt: MAX_SAMPLE_AGE_MS + 1 };
		// The old one would still be tighter (1 + 30 ms of drift vs 23), were it not too old.
		const merged = mergeSamples([old], [fresh], MAX_SAMPLE_AGE_MS + 1);
		expect(merged.held).toEqual([fresh]);
		expect(merged.offsetMs).toBe(20);
	});

	it('keeps the estimate it has when a sync gets no answer', async () => {
		const link = fakeLink(1000);
		let answering = true;
		const clock = new ClockSync((t0) => (answering ? link.ping(t0) : Promise.resolve(null)));
		await clock.sync();
		const before = clock.offsetMs;
		answering = false;
		vi.advanceTimersByTime(60_000);
		await clock.sync();
		expect(clock.offsetMs).toBe(before);
		expect(clock.synced).toBe(true);
	});
});
