/** A countdown as m:ss, rounded up so "0:01" shows until the very end and "0:00" means done. */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const minutes = Math.floor(total / 60);
	const seconds = total % 60;
	return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** "42 min", "1 h 5 min": whole minutes, for class lengths. */
export function formatMinutes(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 60) return `${minutes} min`;
	return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A time of day in the viewer's own format, for "recorded at" lines: 9:30 AM or 09:30. */
export function formatTimeOfDay(ms: number): string {
	return new Date(ms).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}
