/**
 * Keeps the screen on while `wanted()` says so. Browsers release the lock whenever the page is
 * hidden, so it is requested again each time the page becomes visible. Needs a secure context.
 */
export function keepScreenAwake(wanted: () => boolean): () => void {
	let lock: WakeLockSentinel | null = null;
	const request = async () => {
		if (!('wakeLock' in navigator) || document.visibilityState !== 'visible' || !wanted()) return;
		if (lock && !lock.released) return;
		try {
			lock = await navigator.wakeLock.request('screen');
		} catch {
			lock = null; // not allowed here (plain http, battery saver): the page says so elsewhere
		}
	};
	const onVisible = () => void request();
	document.addEventListener('visibilitychange', onVisible);
	const timer = setInterval(() => void request(), 30_000);
	void request();
	return () => {
		clearInterval(timer);
		document.removeEventListener('visibilitychange', onVisible);
		void lock?.release().catch(() => undefined);
	};
}
