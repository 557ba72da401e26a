import type { Database } from '../client';
import { seedDemoClinic } from './demo';
import { seedHistory, type HistoryOptions, type HistorySummary } from './history';

/**
 * A year of a busy clinic (issue 14, "Scale"): the demo clinic grown to 200 participants in 20
 * weekly class series, led by 5 technicians and a therapist, with 52 weeks of past classes.
 * `npm run seed:year` and the reports and exports benches all measure this one.
 */
export const YEAR = {
	weeks: 52,
	// The demo's 16 participants and 3 series, its technician and therapist, and these:
	extraParticipants: 184,
	extraSeries: 17,
	technicians: 4
} as const;

export async function seedYear(
	db: Database,
	now = new Date(),
	timeZone?: string,
	more: Pick<HistoryOptions, 'notes'> = {}
): Promise<{ clinicId: string; summary: HistorySummary }> {
	const started = performance.now();
	const { clinicId } = await seedDemoClinic(db, now, timeZone);
	const summary = await seedHistory(db, { clinicId, now, ...YEAR, ...more });
	return { clinicId, summary: { ...summary, seconds: (performance.now() - started) / 1000 } };
}

/** One line for a person: what the year holds. */
export function describeYear(summary: HistorySummary): string {
	return (
		`${summary.participants} participants, ${summary.series} class series, ` +
		`${summary.technicians} technicians and therapists, ${summary.sessions} classes ` +
		`(${summary.cancelled} cancelled), ${summary.entries} entries (${summary.outcomeTests} outcome tests)` +
		(summary.notes > 0 ? `, ${summary.notes} notes` : '') +
		` in ${summary.seconds.toFixed(1)} s`
	);
}
