import { describe, expect, it } from 'vitest';
import { ClockSync, bestOffset, sampleOf } from './clock-sync';

describe('clock sync', () => {
	it('computes offset and delay from four timestamps', () => {
		// Client is 5 s behind the server; 20 ms each way; server takes 2 ms.
		const sample = sampleOf({ t0: 1000, t1: 6020, t2: 6022 }, 1042);
		expect(sample.offsetMs).toBe(5000);
		expect(sample.delayMs).toBe(40);
	});

	it('keeps the lowest-delay sample', () => {
		expect(
			bestOffset([
				{ offsetMs: 4900, delayMs: 300 },
				{ offsetMs: 5001, delayMs: 12 },
				{ offsetMs: 5100, delayMs: 80 }
			])
		).toBe(5001);
		expect(bestOffset([])).toBeNull();
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
