/**
 * Wall-clock dates and times in a clinic's IANA zone, with Intl only (no library needed for
 * these three operations). Dates are 'YYYY-MM-DD', times 'HH:MM'.
 */

function partsIn(timeZone: string, instant: Date): Record<string, number> {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(instant);
	return Object.fromEntries(
		parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)])
	);
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function offsetMs(timeZone: string, instant: Date): number {
	const p = partsIn(timeZone, instant);
	const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar date at that instant in the zone. */
export function localDate(timeZone: string, instant: Date): string {
	const p = partsIn(timeZone, instant);
	return `${p.year}-${pad(p.month!)}-${pad(p.day!)}`;
}

/**
 * The instant a wall clock in the zone shows `date time`. In a spring-forward gap the clock
 * time does not exist; the result is then the same wall time under the earlier offset.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!);
	const first = wall - offsetMs(timeZone, new Date(wall));
	const second = wall - offsetMs(timeZone, new Date(first));
	return new Date(second);
}

/** 0 = Sunday ... 6 = Saturday, for a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
