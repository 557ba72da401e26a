// The cost of flushing every commit to disk on the embedded database (PGLITE_SYNC=on, the default)
// against PGlite as shipped (fsync off: commits sit in the OS cache). Each insert is its own
// commit, like an entry recorded from a phone. BENCH_INSERTS changes the count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';

const INSERTS = Number(process.env.BENCH_INSERTS ?? 500);

type Result = { label: string; perSecond: number; p50: number; p95: number; durable: boolean };

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(label: string, durable: boolean): Promise<Result> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-bench-sync-'));
	const handle = await openDatabase({ dataDir, durable });
	try {
		await handle.db.execute(
			sql`create table bench_entry (id uuid primary key default gen_random_uuid(), note text)`
		);
		const latencies: number[] = [];
		const started = performance.now();
		for (let i = 0; i < INSERTS; i++) {
			const t = performance.now();
			await handle.db.execute(sql`insert into bench_entry (note) values (${`entry ${i}`})`);
			latencies.push(performance.now() - t);
		}
		const seconds = (performance.now() - started) / 1000;
		return {
			label,
			perSecond: Math.round(INSERTS / seconds),
			p50: percentile(latencies, 50),
			p95: percentile(latencies, 95),
			durable: handle.durableAtCommit
		};
	} finally {
		await handle.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

// Alternate the two, three times: this machine's disk and CPUs are shared and vary.
const results: Result[] = [];
for (let round = 0; round < 3; round++) {
	results.push(await measure('flush at commit (PGLITE_SYNC=on)', true));
	results.push(await measure('no flush (PGLITE_SYNC=off, as shipped)', false));
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const width = Math.max(...results.map((r) => r.label.length));
console.log(`\nSteady durability benchmark (embedded PGlite, ${INSERTS} single-row commits)`);
for (const r of results) {
	const flushed = r.durable ? 'flushed' : 'not flushed';
	console.log(
		`  ${r.label.padEnd(width)}  ${String(r.perSecond).padStart(5)}/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  (${flushed})`
	);
}
const median = (durable: boolean, pick: (r: Result) => number) =>
	percentile(results.filter((r) => r.durable === durable).map(pick), 50);
const cost = median(true, (r) => r.p50) - median(false, (r) => r.p50);
console.log(
	`  median: +${ms(cost)} per commit at p50; ${median(true, (r) => r.perSecond)}/s flushed, ` +
		`${median(false, (r) => r.perSecond)}/s not flushed`
);
