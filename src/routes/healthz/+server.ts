import { json } from '@sveltejs/kit';
import { runtime } from '../../../server/registry.js';
import type { RequestHandler } from './$types';

/** For monitoring: is the database answering, is the socket server up, how many clients. */
export const GET: RequestHandler = async () => {
	const { app, io } = runtime();
	const realtime = io ? { status: 'ok', clients: io.engine.clientsCount } : { status: 'down' };
	let database: Record<string, unknown>;
	try {
		if (!app) throw new Error('not started');
		database = { status: 'ok', ...(await app.health()) };
	} catch {
		database = { status: 'down' };
	}
	const healthy = database.status === 'ok' && realtime.status === 'ok';
	const memory = process.memoryUsage();
	const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
	return json(
		{
			status: healthy ? 'ok' : 'degraded',
			database,
			realtime,
			memory: { rssMb: megabytes(memory.rss), heapUsedMb: megabytes(memory.heapUsed) }
		},
		{ status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
