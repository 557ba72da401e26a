import { json } from '@sveltejs/kit';
import { startedApp, type App } from '$lib/server/app';
import type { RequestHandler } from './$types';

/**
 * For monitoring and the load balancer: this process (database, socket server, clients, memory)
 * and, when several run on Redis, the cluster as this process sees it (how many servers answer
 * the adapter's heartbeat, and whether Redis does).
 */
export const GET: RequestHandler = async () => {
	const app = await startedApp()?.catch(() => undefined);
	const realtime = app ? { status: 'ok', clients: app.io.engine.clientsCount } : { status: 'down' };
	let database: Record<string, unknown>;
	try {
		if (!app) throw new Error('not started');
		await app.database.ping();
		database = { status: 'ok', database: app.database.kind };
	} catch {
		database = { status: 'down' };
	}
	const cluster = app?.cluster.redis ? await clusterState(app) : null;
	const healthy =
		database.status === 'ok' && realtime.status === 'ok' && (!cluster || cluster.redis === 'ok');
	const memory = process.memoryUsage();
	const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
	return json(
		{
			status: healthy ? 'ok' : 'degraded',
			process: app?.cluster.processId ?? null,
			database,
			realtime,
			cluster,
			memory: { rssMb: megabytes(memory.rss), heapUsedMb: megabytes(memory.heapUsed) }
		},
		{ status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};

async function clusterState(app: App) {
	let state: 'ok' | 'down' = 'down';
	try {
		// Within a second: a monitor must hear "down", not wait on ioredis's offline queue.
		const pong = await Promise.race([
			app.cluster.redis!.ping(),
			new Promise((resolve) => setTimeout(resolve, 1000, 'timeout'))
		]);
		if (pong === 'PONG') state = 'ok';
	} catch {
		state = 'down';
	}
	// The Redis Streams adapter counts the servers whose heartbeat it heard (this one included).
	const processes = await app.io.of('/').adapter.serverCount();
	return { redis: state, processes };
}
