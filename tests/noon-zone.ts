/**
 * A fixed-offset time zone in which it is about noon now (Etc/GMT+N is UTC-N, POSIX's sign).
 * The demo clinic's classes are today's and may start any time today; a suite that crossed
 * midnight would find them yesterday's and every Start refused. Run at noon, a suite has twelve
 * hours either way.
 */
export function noonZone(now = new Date()): string {
	const hours = now.getUTCHours() + now.getUTCMinutes() / 60;
	const offset = Math.max(-12, Math.min(14, Math.round(12 - hours)));
	if (offset === 0) return 'Etc/GMT';
	return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
