// Report pages over a year of a busy clinic (issue 14, "Scale"): the year `npm run seed:year`
// makes (200 participants, 20 series, 52 weeks; db/seed/year.ts) on the embedded database, and
// on PostgreSQL when BENCH_DATABASE_URL is set (a server URL such as
// postgres://postgres@127.0.0.1:5432: a fresh database steady_bench_<pid> is made there and
// dropped after). The real built server (npm run build) serves it; a coordinator signs in and
// each report page is rendered ON THE SERVER (the HTML GET): the whole year, one series, one
// technician, and the outcomes of one participant. 3 warm-up requests, then 20 timed; p50/p95 per
// page. The whole measurement runs BENCH_ROUNDS times (default 3); the summary gives the median
// of the p95s and their spread. Target: every p95 under 1 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { classSessions, clinics, participantEntries, users } from '../src/lib/server/db/schema';
import { describeYear, seedYear, YEAR } from '../src/lib/server/db/seed/year';
import { addDays, localDate } from '../src/lib/shared/time-zone';
import {
	e2ePort,
	signInCookie,
	startServer,
	untilListening,
	type RunningServer
} from '../tests/server-process';

// BENCH_TIMED / BENCH_WARM_UP: fewer requests for a first look at a slow page.
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
const TIMED = Number(process.env.BENCH_TIMED ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_MS = 1000;
const PAGES = ['attendance', 'tolerance', 'safety', 'outcomes'] as const;
// BENCH_PAGES=safety,outcomes: only those (when working on one).
const pages = process.env.BENCH_PAGES?.split(',') ?? PAGES;

type Case = { label: string; path: string };

/** What the filters pick: the busiest series and technician, the most tested participant. */
async function picks(db: Database, clinicId: string) {
	const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
	const to = localDate(clinic!.timeZone, new Date());
	const from = addDays(to, -(YEAR.weeks * 7 - 1));
	const [series] = await db
		.select({ id: classSessions.seriesId })
		.from(classSessions)
		.where(and(eq(classSessions.clinicId, clinicId), isNotNull(classSessions.seriesId)))
		.groupBy(classSessions.seriesId)
		.orderBy(desc(sql`count(*)`))
		.limit(1);
	const [technician] = await db
		.select({ id: users.id })
		.from(classSessions)
		.innerJoin(users, eq(users.id, classSessions.leadUserId))
		.where(and(eq(classSessions.clinicId, clinicId), eq(users.role, 'technician')))
		.groupBy(users.id)
		.orderBy(desc(sql`count(*)`))
		.limit(1);
	const [participant] = await db
		.select({ id: participantEntries.participantId })
		.from(participantEntries)
		.where(
			and(eq(participantEntries.clinicId, clinicId), eq(participantEntries.kind, 'outcome_test'))
		)
		.groupBy(participantEntries.participantId)
		.orderBy(desc(sql`count(*)`))
		.limit(1);
	const year = `from=${from}&to=${to}`;
	const cases: Case[] = [];
	for (const page of pages) {
		cases.push(
			{ label: `${page} (year)`, path: `/reports/${page}?${year}` },
			{ label: `${page} (series)`, path: `/reports/${page}?${year}&seriesId=${series!.id}` },
			{
				label: `${page} (technician)`,
				path: `/reports/${page}?${year}&technicianId=${technician!.id}`
			}
		);
		if (page === 'outcomes') {
			cases.push({
				label: `${page} (participant)`,
				path: `/reports/${page}?${year}&participantId=${participant!.id}`
			});
		}
	}
	return cases;
}

/** A seeded year in a database the server can open; `remove` cleans it up. */
type Prepared = { env: Record<string, string>; cases: Case[]; remove: () => Promise<void> };

async function embedded(): Promise<Prepared> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-bench-reports-'));
	const handle = await openDatabase({ dataDir, durable: false });
	await handle.migrate(path.resolve('drizzle'));
	const { clinicId, summary } = await seedYear(handle.db);
	console.log(`embedded: made ${describeYear(summary)}`);
	const cases = await picks(handle.db, clinicId);
	await handle.close();
	return {
		env: { DATA_DIR: dataDir },
		cases,
		remove: async () => fs.rmSync(dataDir, { recursive: true, force: true })
	};
}

async function onPostgres(serverUrl: string): Promise<Prepared> {
	const name = `steady_bench_${process.pid}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ databaseUrl: url.toString() });
	await handle.migrate(path.resolve('drizzle'));
	const { clinicId, summary } = await seedYear(handle.db);
	console.log(`PostgreSQL: made ${describeYear(summary)}`);
	// As a running clinic's would be: the planner's statistics are up to date.
	await handle.db.execute(sql`analyze`);
	const cases = await picks(handle.db, clinicId);
	await handle.close();
	return {
		env: { DATABASE_URL: url.toString() },
		cases,
		remove: async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timeGet(url: string, cookie: string): Promise<{ ms: number; status: number }> {
	const started = performance.now();
	const response = await fetch(url, {
		headers: { cookie, accept: 'text/html' },
		redirect: 'manual'
	});
	await response.arrayBuffer();
	return { ms: performance.now() - started, status: response.status };
}

/** p95s by page, one list per database: a value per round. */
const p95s = new Map<string, Map<string, number[]>>();
/** The answers each page gave (a page not there yet answers 404: timed, but not a report). */
const answers = new Map<string, Set<number>>();

async function measure(database: string, prepared: Prepared, offset: number) {
	const server: RunningServer = startServer(e2ePort(offset), {
		...prepared.env,
		STEADY_SEED: 'none',
		BACKUP_DIR: 'off'
	});
	try {
		await untilListening(server, 180_000);
		const cookie = await signInCookie(server.url, 'coordinator@example.org');
		const byPage = p95s.get(database) ?? new Map<string, number[]>();
		p95s.set(database, byPage);
		for (let round = 1; round <= ROUNDS; round++) {
			console.log(`\n${database}, round ${round}: page                    p50 ms   p95 ms  status`);
			for (const { label, path: page } of prepared.cases) {
				for (let i = 0; i < WARM_UP; i++) await timeGet(server.url + page, cookie);
				const times: number[] = [];
				const statuses = new Set<number>();
				for (let i = 0; i < TIMED; i++) {
					const { ms, status } = await timeGet(server.url + page, cookie);
					times.push(ms);
					statuses.add(status);
				}
				times.sort((a, b) => a - b);
				const p95 = percentile(times, 95);
				byPage.set(label, [...(byPage.get(label) ?? []), p95]);
				const seen = answers.get(`${database} ${label}`) ?? new Set<number>();
				for (const status of statuses) seen.add(status);
				answers.set(`${database} ${label}`, seen);
				console.log(
					`${''.padEnd(database.length + 10)}${label.padEnd(24)}${percentile(times, 50).toFixed(0).padStart(6)}  ${p95.toFixed(0).padStart(7)}  ${[...statuses].join(',')}`
				);
			}
		}
	} catch (error) {
		console.error(server.output().stderr.slice(-2000));
		throw error;
	} finally {
		server.child.kill('SIGTERM');
		await server.exited;
	}
}

const databases: [string, () => Promise<Prepared>][] = [['embedded', embedded]];
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) databases.push(['PostgreSQL', () => onPostgres(pgUrl)]);
else console.log('BENCH_DATABASE_URL not set: the embedded database only');

for (const [index, [database, prepare]] of databases.entries()) {
	const prepared = await prepare();
	try {
		await measure(database, prepared, 52 + index);
	} finally {
		await prepared.remove();
	}
}

console.log(`\nmedian of ${ROUNDS} p95s (min-max), target < ${TARGET_MS} ms:`);
for (const [database, byPage] of p95s) {
	for (const [label, list] of byPage) {
		const sorted = [...list].sort((a, b) => a - b);
		const median = sorted[Math.floor(sorted.length / 2)]!;
		console.log(
			`${database.padEnd(11)} ${label.padEnd(24)} ${median.toFixed(0).padStart(6)} ms (${sorted[0]!.toFixed(0)}-${sorted.at(-1)!.toFixed(0)})  ${verdict(median, answers.get(`${database} ${label}`)!)}`
		);
	}
}

function verdict(median: number, statuses: Set<number>): string {
	if (statuses.size !== 1 || !statuses.has(200)) return `answered ${[...statuses].join(',')}`;
	return median < TARGET_MS ? 'ok' : 'OVER 1 s';
}
