// `npm run bench`: start-up, sign-in, page and shutdown timings of the production build, printed
// as numbers. Targets: start on an empty DATA_DIR serving the demo clinic in under 15 s (after the
// build); shutdown under 5 s. Needs `npm run build` first (npm start does it).
import fs from 'node:fs';
import { startServer, signInCookie, untilListening } from '../tests/server-process';

const PORT = 4290;

const ms = (from: number) => Math.round(performance.now() - from);

async function waitForHealthy(url: string) {
	for (;;) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

if (!fs.existsSync('build/handler.js')) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

const results: [string, string][] = [];

// 1. First start: empty DATA_DIR, migrations, demo seed.
let t = performance.now();
const server = startServer(PORT, {}, 'http', { keepData: true });
await waitForHealthy(server.url);
results.push(['first start to healthy (empty DATA_DIR, migrate + seed)', `${ms(t)} ms`]);
await untilListening(server);

// 2. Sign-in: argon2id verify plus session insert, through the real form action.
const signIns: number[] = [];
let cookie = '';
for (let i = 0; i < 10; i++) {
	t = performance.now();
	cookie = await signInCookie(server.url);
	signIns.push(ms(t));
}
results.push([
	'sign-in (10 tries)',
	`p50 ${percentile(signIns, 50)} ms, max ${Math.max(...signIns)} ms`
]);

// 3. The signed-in home page: session check + today's classes by room.
const pages: number[] = [];
for (let i = 0; i < 200; i++) {
	t = performance.now();
	const response = await fetch(`${server.url}/`, { headers: { cookie } });
	await response.text();
	if (!response.ok) throw new Error(`home page answered ${response.status}`);
	pages.push(ms(t));
}
results.push([
	"home page, today's classes (200 requests)",
	`p50 ${percentile(pages, 50)} ms, p95 ${percentile(pages, 95)} ms`
]);
results.push(['server memory after that (RSS)', `${rssMb(server.child.pid!)} MB`]);

// 4. Shutdown.
t = performance.now();
server.child.kill('SIGTERM');
const code = await server.exited;
results.push(['SIGTERM to exit', `${ms(t)} ms (exit code ${code})`]);

// 5. Second start on the same data: migrations already applied, no seed.
const again = startServer(PORT + 1, { DATA_DIR: server.dataDir });
t = performance.now();
await waitForHealthy(again.url);
results.push(['restart to healthy (existing DATA_DIR)', `${ms(t)} ms`]);
again.child.kill('SIGTERM');
await again.exited;
fs.rmSync(server.dataDir, { recursive: true, force: true });

const width = Math.max(...results.map(([name]) => name.length));
console.log('\nSteady benchmark (production build, embedded PGlite)');
for (const [name, value] of results) console.log(`  ${name.padEnd(width)}  ${value}`);
