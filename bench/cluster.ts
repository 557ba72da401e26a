// `npm run bench:cluster`: 3,000 live rooms on PostgreSQL, each with one display and two phones,
// phones sending BENCH_RATE commands a second of every kind (start, pause, resume, next, back,
// extend, end). The same load runs on one Steady process, then on three behind Redis (each
// room's phones on one process, its display on the next, so every command crosses processes),
// then on a bare `ws` relay. Prints phone-emit to display-receive p50/p95/p99 per kind and the
// ratios. Targets: cluster p99 under 50 ms and within 1.5x of one process.
// Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://root@127.0.0.1:5432/test) and Redis
// (REDIS_URL, default redis://127.0.0.1:6379). Smaller: BENCH_ROOMS=300 npm run bench:cluster
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { startServer, untilListening, type RunningServer } from '../tests/server-process';
import { allLatencies, percentile, report, runCommandLoad, type LoadResult } from './command-load';
import { prepareRooms } from './live-setup';
import { benchRelay } from './relay-load';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 3000);
// 50 commands a second over 3,000 rooms is a busy clinic network's day compressed: about one
// command a minute per room, where a real class sends a few dozen in 45 minutes. The mix is
// harsher than a day's (one command in seven is a start, the costliest kind).
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORTS = [4311, 4312, 4313];
const RELAY_PORT = 4314;

if (!fs.existsSync('build/handler.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

const tag = randomBytes(4).toString('hex');
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
const databases: string[] = [];
const servers: RunningServer[] = [];

function databaseUrl(name: string): string {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

/** A copy of the prepared clinic, so each run starts from the same rooms and sessions. */
async function copyOf(template: string): Promise<string> {
	const name = `steady_bench_${tag}_${databases.length}`;
	await admin.unsafe(`create database ${name} template ${template}`);
	databases.push(name);
	return databaseUrl(name);
}

async function startAll(count: number, env: Record<string, string>): Promise<string[]> {
	const started = PORTS.slice(0, count).map((port) =>
		startServer(port, { BACKUP_DIR: 'off', ...env })
	);
	servers.push(...started);
	await Promise.all(started.map((server) => untilListening(server, 180_000)));
	return started.map((server) => server.url.replace('localhost', '127.0.0.1'));
}

async function stopAll(): Promise<{ rssMb: number; heapMb: number }[]> {
	const memory = [];
	for (const server of servers.splice(0)) {
		const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
			memory: { rssMb: number; heapUsedMb: number };
		};
		memory.push({ rssMb: health.memory.rssMb, heapMb: health.memory.heapUsedMb });
		server.child.kill('SIGTERM');
		await server.exited;
	}
	return memory;
}

console.log(
	`\nCluster benchmark: ${ROOMS} rooms x (1 display + 2 phones), ${RATE} commands/s, ${SECONDS} s`
);
try {
	const template = `steady_bench_${tag}_template`;
	await admin.unsafe(`create database ${template}`);
	databases.push(template);
	const rooms = await prepareRooms({ databaseUrl: databaseUrl(template) }, ROOMS);
	const options = { rate: RATE, seconds: SECONDS };

	const oneUrl = await startAll(1, { DATABASE_URL: await copyOf(template) });
	const one = await runCommandLoad(oneUrl, rooms, { ...options, label: 'one process' });
	const oneMemory = await stopAll();

	const threeUrls = await startAll(3, {
		DATABASE_URL: await copyOf(template),
		REDIS_URL,
		CLUSTER_NAME: `steady-bench-${tag}`
	});
	const three = await runCommandLoad(threeUrls, rooms, { ...options, label: 'three processes' });
	const threeMemory = await stopAll();

	const relay = await benchRelay({ port: RELAY_PORT, rooms: ROOMS, rate: RATE, seconds: SECONDS });

	const memory = (list: { rssMb: number; heapMb: number }[]) =>
		list.map((m) => `heap ${m.heapMb} MB, RSS ${m.rssMb} MB`).join('; ');
	console.log('\nphone emit -> display receive, on PostgreSQL');
	console.log(`  one process (${memory(oneMemory)})`);
	for (const line of report(one)) console.log(line);
	console.log(`  three processes on Redis (${memory(threeMemory)})`);
	for (const line of report(three)) console.log(line);
	const p99 = (result: LoadResult) => percentile(allLatencies(result), 99);
	const relayP99 = percentile(relay.latencies, 99);
	console.log(`  ws relay  n=${relay.latencies.length} p99 ${relayP99.toFixed(1)} ms`);
	console.log(
		`  p99 ratios: three / one ${(p99(three) / p99(one)).toFixed(2)}x, one / relay ${(p99(one) / relayP99).toFixed(1)}x, three / relay ${(p99(three) / relayP99).toFixed(1)}x`
	);
	console.log('  targets: three processes p99 < 50 ms and within 1.5x of one process');
} finally {
	await stopAll().catch(() => {});
	for (const name of databases.reverse()) {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
	}
	await admin.end();
}
process.exit(0);
