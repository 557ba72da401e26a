// `npm run bench` (part 2): one Steady process on its embedded database with 1,000 live rooms,
// each with one display and two phone sockets; phones send 100 commands a second in total, of
// every kind (start, pause, resume, next, back, extend, end); prints phone-emit to
// display-receive latency per kind, the refused count, server heap and RSS, and the same load on
// a bare `ws` relay as baseline. Targets: p99 under 50 ms and under 3x the baseline; heap under
// 250 MB. Smaller runs: BENCH_ROOMS=100 BENCH_SECONDS=10 npm run bench
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, untilListening } from '../tests/server-process';
import { allLatencies, percentile, report, runCommandLoad } from './command-load';
import { prepareRooms } from './live-setup';
import { benchRelay } from './relay-load';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const STEADY_PORT = 4296;
const RELAY_PORT = 4297;

if (!fs.existsSync('build/handler.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-bench-'));
console.log(`\nLive rooms benchmark: ${ROOMS} rooms x (1 display + 2 phones), ${RATE} commands/s`);
try {
	const rooms = await prepareRooms({ dataDir }, ROOMS);
	const server = startServer(STEADY_PORT, { DATA_DIR: dataDir }, 'http', { keepData: true });
	await untilListening(server, 120_000);
	const steady = await runCommandLoad([server.url], rooms, {
		rate: RATE,
		seconds: SECONDS,
		label: 'Steady'
	});
	const health = (await (await fetch(`${server.url}/healthz`)).json()) as {
		memory: { rssMb: number; heapUsedMb: number };
	};
	server.child.kill('SIGTERM');
	await server.exited;
	const relay = await benchRelay({ port: RELAY_PORT, rooms: ROOMS, rate: RATE, seconds: SECONDS });

	console.log('\nphone emit -> display receive');
	console.log(`  Steady (heap ${health.memory.heapUsedMb} MB, RSS ${health.memory.rssMb} MB)`);
	for (const line of report(steady)) console.log(line);
	const relayP = (p: number) => percentile(relay.latencies, p).toFixed(1);
	console.log(
		`  ws relay  n=${relay.latencies.length} p50 ${relayP(50)} ms  p95 ${relayP(95)} ms  p99 ${relayP(99)} ms  heap ${relay.heapMb} MB  RSS ${relay.rssMb} MB`
	);
	const ratio = percentile(allLatencies(steady), 99) / percentile(relay.latencies, 99);
	console.log(`  p99 ratio Steady / ws relay: ${ratio.toFixed(2)}x`);
	console.log('  targets: p99 < 50 ms, ratio < 3x, heap < 250 MB');
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
