// Exports of a year of a busy clinic: the year `npm run seed:year` makes (200 participants in 20
// weekly series, every class with attendance, vital signs, exertion, pain, some adverse events
// and outcome tests; db/seed/year.ts), with a signed note for every attending participant, on
// the embedded database (PGlite in a folder). Then each CSV file and the FHIR bundle of the whole
// year go through the real export service into a sink that only counts bytes, while memory is
// sampled every 25 ms. Target: under 10 s each, memory flat (the peak heap does not grow with the
// size of the file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import { users } from '../src/lib/server/db/schema';
import { seedYear, YEAR } from '../src/lib/server/db/seed/year';
import { exportCsv, exportFhir, streamOf, type Exporter } from '../src/lib/server/exports/service';
import { CSV_FILES } from '../src/lib/server/exports/query';
import { wording } from '../src/lib/shared/rules';
import { addDays, localDate } from '../src/lib/shared/time-zone';

// BENCH_DATA_DIR keeps the year's database there (and reuses it when it exists) for profiling.
const kept = process.env.BENCH_DATA_DIR;
const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'steady-bench-exports-'));
const handle = await openDatabase({ dataDir, durable: false });
await handle.migrate(path.resolve('drizzle'));
const { db } = handle;
const now = new Date();
const { clinicId, summary } = await seedYear(db, now, 'UTC', { notes: true });
const [coordinator] = await db
	.select()
	.from(users)
	.where(and(eq(users.clinicId, clinicId), eq(users.role, 'coordinator')));
const lastDay = localDate('UTC', now);
const firstDay = addDays(lastDay, -(YEAR.weeks * 7 - 1));
console.log(
	`made a year: ${summary.sessions} classes, ${summary.entries} entries, ${summary.notes} notes for ${summary.participants} participants in ${summary.seconds.toFixed(1)} s`
);

const who: Exporter = {
	db,
	clinicId,
	userId: coordinator!.id,
	device: 'bench',
	words: wording('en')
};

async function measure(label: string, run: () => ReturnType<typeof exportCsv>) {
	globalThis.gc?.();
	const start = process.memoryUsage();
	let peakRss = start.rss;
	let peakHeap = start.heapUsed;
	// PGlite runs on this thread and its promises resolve without yielding to timers, so the
	// sink samples too: once per piece of the file it receives.
	const sample = () => {
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
	};
	const sampler = setInterval(sample, 25);
	const started = performance.now();
	const result = await run();
	if (!result.ok) throw new Error(result.code);
	const reader = streamOf(result.file.chunks).getReader();
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		sample();
	}
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
	console.log(
		`${label.padEnd(22)} ${seconds.toFixed(2).padStart(6)} s  ${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MB out  peak RSS ${mb(peakRss)} MB (start ${mb(start.rss)})  peak heap ${mb(peakHeap)} MB (start ${mb(start.heapUsed)})  ${seconds < 10 ? 'ok' : 'OVER 10 s'}`
	);
	return seconds;
}

// BENCH_ROUNDS (default 3): each export is timed that many times over the same year; the
// summary gives the median and the spread (min-max).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const range = { from: firstDay, to: lastDay };
const times = new Map<string, number[]>();
for (let round = 1; round <= ROUNDS; round++) {
	console.log(`round ${round}`);
	const runs: [string, () => ReturnType<typeof exportCsv>][] = [
		// BENCH_ONLY=fhir: the bundle alone (when working on it).
		...(process.env.BENCH_ONLY === 'fhir' ? [] : CSV_FILES).map(
			(file): [string, () => ReturnType<typeof exportCsv>] => [
				`CSV ${file}`,
				() => exportCsv(who, { file, ...range })
			]
		),
		['FHIR bundle (year)', () => exportFhir(who, { scope: 'range', ...range })]
	];
	for (const [label, run] of runs) {
		const seconds = await measure(label, run);
		times.set(label, [...(times.get(label) ?? []), seconds]);
	}
}
console.log(`\nmedian of ${ROUNDS} (min-max), target < 10 s:`);
for (const [label, list] of times) {
	const sorted = [...list].sort((a, b) => a - b);
	console.log(
		`${label.padEnd(22)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s (${sorted[0]!.toFixed(2)}-${sorted[sorted.length - 1]!.toFixed(2)})`
	);
}
await handle.close();
if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
