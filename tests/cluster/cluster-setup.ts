import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { throwawayDatabase } from '../../src/lib/server/db/test-database';
import { startServer, untilListening, type RunningServer } from '../server-process';

/**
 * A real cluster on this machine: three Steady processes on one PostgreSQL database, sharing
 * sockets through a Redis of the test's own (so it can be restarted), behind nginx. Ports:
 * CLUSTER_PORT (default 4400) for nginx, +1..+3 for the processes, +4 for Redis.
 */
const BASE = Number(process.env.CLUSTER_PORT ?? 4400);
const ADMIN_URL = process.env.DATABASE_URL_FOR_TESTS ?? 'postgres://root@127.0.0.1:5432/test';

export type Cluster = {
	/** nginx in front of the three. */
	url: string;
	processes: { name: string; url: string; server: RunningServer }[];
	databaseUrl: string;
	sql: postgres.Sql;
	restartRedis(whileDown?: () => Promise<void>): Promise<void>;
	stop(): Promise<void>;
};

export async function startCluster(): Promise<Cluster> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-cluster-'));
	const database = await throwawayDatabase(ADMIN_URL, 'steady_cluster');
	const databaseUrl = database.url;

	const redisPort = BASE + 4;
	let redis = startRedis(dir, redisPort);
	await untilRedisAnswers(redisPort);

	const env = {
		DATABASE_URL: databaseUrl,
		REDIS_URL: `redis://127.0.0.1:${redisPort}`,
		CLUSTER_NAME: database.name,
		BACKUP_DIR: 'off'
	};
	const processes = ['A', 'B', 'C'].map((label, i) => {
		const server = startServer(BASE + 1 + i, env);
		return { name: label, url: `http://127.0.0.1:${BASE + 1 + i}`, server };
	});
	// All three start at once on an empty database: one migrates and seeds, the others wait.
	await Promise.all(processes.map((p) => untilListening(p.server, 120_000)));

	const nginx = startNginx(
		dir,
		BASE,
		processes.map((_, i) => BASE + 1 + i)
	);
	await untilHttp(`http://127.0.0.1:${BASE}/healthz`);
	const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });

	return {
		url: `http://127.0.0.1:${BASE}`,
		processes,
		databaseUrl,
		sql,
		async restartRedis(whileDown) {
			redis.kill('SIGTERM');
			await new Promise((resolve) => redis.once('exit', resolve));
			await whileDown?.();
			redis = startRedis(dir, redisPort);
			await untilRedisAnswers(redisPort);
		},
		async stop() {
			await sql.end({ timeout: 2 });
			for (const p of processes) p.server.child.kill('SIGTERM');
			await Promise.all(processes.map((p) => p.server.exited));
			nginx.kill('SIGTERM');
			redis.kill('SIGTERM');
			await database.drop();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Appends every write to disk before answering, like a Redis set up for production. */
function startRedis(dir: string, port: number): ChildProcess {
	return spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'yes',
			'--appendfsync',
			'always'
		],
		{ stdio: 'ignore' }
	);
}

async function untilRedisAnswers(port: number): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if (
				execFileSync('redis-cli', ['-p', String(port), 'ping'], {
					stdio: ['ignore', 'pipe', 'ignore']
				})
					.toString()
					.trim() === 'PONG'
			) {
				return;
			}
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`redis-server on ${port} did not start`);
}

/** The README's nginx setup (docs/nginx-cluster.conf), with this test's ports and folders. */
function startNginx(dir: string, port: number, upstreams: number[]): ChildProcess {
	const template = fs.readFileSync(path.resolve('docs/nginx-cluster.conf'), 'utf8');
	const servers = upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`);
	const config = `worker_processes 1;
error_log ${dir}/nginx-error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
${template
	.replace(/server 127\.0\.0\.1:300\d[^\n]*\n/g, '')
	.replace('ip_hash;', `ip_hash;\n\t\t${servers.join('\n\t\t')}`)
	.replace('listen 80;', `listen 127.0.0.1:${port};`)}
}
`;
	const file = path.join(dir, 'nginx.conf');
	fs.writeFileSync(file, config);
	return spawn('nginx', ['-c', file, '-p', dir, '-g', 'daemon off;'], { stdio: 'inherit' });
}

async function untilHttp(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not answer`);
}

/** GET through nginx from a chosen loopback address (ip_hash picks the process by it). */
export function getFrom(localAddress: string, url: string): Promise<string> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { localAddress }, (response) => {
				let body = '';
				response.on('data', (chunk) => (body += chunk));
				response.on('end', () => resolve(body));
			})
			.on('error', reject);
	});
}
