import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq, sql } from 'drizzle-orm';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { attachRealtime } from '../../../../server/realtime.js';
import { runtime } from '../../../../server/registry.js';
import type { App } from '../app';
import { createSession } from '../auth/session';
import { SignInService } from '../auth/sign-in';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import {
	classSessions,
	clinics,
	displays,
	enrollments,
	participants,
	rooms,
	routines,
	routineVersions,
	users
} from '../db/schema';
import { seedDemoClinic } from '../db/seed/demo';
import { createTestDatabase } from '../db/test-database';
import { PairingService } from '../displays/pairing';
import { LiveClassService } from '../live/live-classes';
import { poolGates } from '../pool/command-gates';
import { createLogger } from '../log';
import { createBroadcast } from './broadcast';
import { handleConnection } from './connection';
import { eventLimits } from './event-limits';
import type { SteadyIo } from './io-types';
import { authenticateSocket } from './socket-auth';

/**
 * The realtime server as production runs it (server/realtime.js, the same App wiring, a real
 * database and real sockets) without SvelteKit's pages: for tests of socket events that need
 * to reach into the database (expire a session, count rows). `/healthz` answers after a
 * database ping, like the real one, to show the process still serves while it is flooded.
 */
export type TestServer = {
	url: string;
	app: App;
	database: DatabaseHandle;
	clinic: TestClinic;
	other: { clinicId: string; technicianId: string };
	/** A new session cookie for a user. */
	cookieFor(userId: string): Promise<string>;
	/** A staff socket signed in with the cookie, connected (or refused: see `outcome`). */
	staff(cookie: string | null): ClientSocket;
	display(token?: string, headers?: Record<string, string>): ClientSocket;
	healthMs(): Promise<number>;
	close(): Promise<void>;
};

/** Clinic A: two classes (one to run, one other), a participant on both, a paired display each. */
export type TestClinic = {
	clinicId: string;
	technicianId: string;
	coordinatorId: string;
	sessionId: string;
	otherSessionId: string;
	participantId: string;
	roomId: string;
	otherRoomId: string;
	displayId: string;
	displayToken: string;
	otherDisplayToken: string;
};

/** Starts clinic A's class, as its technician would: most socket tests need a live class. */
async function startClinicClass(server: TestServer): Promise<void> {
	const [technician] = await server.database.db
		.select()
		.from(users)
		.where(eq(users.id, server.clinic.technicianId));
	await server.app.live.command({
		sessionId: server.clinic.sessionId,
		user: { ...technician!, clinicId: server.clinic.clinicId },
		command: { type: 'start' },
		clientCommandId: randomUUID()
	});
}

/**
 * A test server with clinic A's class already started, where most socket tests begin. Without
 * `limits` the event limits stay off until it closes: tests that send faster than a phone may,
 * and are not about the limits (floods.db.spec.ts is), would otherwise be refused unread.
 */
export async function startClassServer({ limits = true } = {}): Promise<TestServer> {
	const server = await startTestServer();
	await startClinicClass(server);
	if (limits) return server;
	eventLimits.enforced = false;
	return {
		...server,
		async close() {
			eventLimits.enforced = true;
			await server.close();
		}
	};
}

export async function startTestServer(): Promise<TestServer> {
	const database = await createTestDatabase();
	const db = database.db;
	const { clinicId } = await seedDemoClinic(db);
	const log = createLogger('silent');
	const pairing = new PairingService(db);
	const server = http.createServer((req, res) => {
		if (req.url === '/healthz') {
			void database.ping().then(
				() => res.writeHead(200).end('ok'),
				() => res.writeHead(503).end('down')
			);
		} else res.writeHead(404).end();
	});
	// Attached first, as the production entry does: the app holds it from the start.
	const io = attachRealtime(server) as unknown as SteadyIo;
	const broadcast = createBroadcast({ db, io, log, live: () => live });
	const live: LiveClassService = new LiveClassService(db, broadcast, Date.now, {
		gates: poolGates(io),
		soleWriter: database.kind === 'pglite'
	});
	const config = { origin: undefined } as unknown as Config;
	const app: App = {
		config,
		database,
		db,
		log,
		io,
		cluster: { processId: 'test', redis: undefined },
		signIn: new SignInService(db),
		pairing,
		live,
		// The socket tests make no backups.
		backups: { stop: async () => {} },
		banner: []
	};

	const clinic = await prepareClinic(database, clinicId);
	const other = await prepareOtherClinic(database);

	runtime().app = {
		authenticateSocket: (socket) => authenticateSocket(app, socket),
		onConnection: (socket) => handleConnection(app, socket as never),
		close: () => database.close(),
		banner: []
	};
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const clients: ClientSocket[] = [];
	const client = (path: string, options: Parameters<typeof connectClient>[1]) => {
		const socket = connectClient(`${url}${path}`, {
			transports: ['websocket'],
			reconnection: false,
			forceNew: true,
			...options
		});
		clients.push(socket);
		return socket;
	};

	return {
		url,
		app,
		database,
		clinic,
		other,
		async cookieFor(userId) {
			return `steady_session=${(await createSession(db, userId)).token}`;
		},
		staff: (cookie) => client('/', { extraHeaders: cookie ? { cookie } : {} }),
		display: (token, headers = {}) =>
			client('/display', { auth: token ? { token } : {}, extraHeaders: headers }),
		async healthMs() {
			const started = performance.now();
			const response = await fetch(`${url}/healthz`);
			if (!response.ok) throw new Error(`healthz answered ${response.status}`);
			return performance.now() - started;
		},
		async close() {
			for (const socket of clients) socket.close();
			await io.close();
			runtime().app = undefined;
			runtime().io = undefined;
			await database.close();
		}
	};
}

async function prepareClinic(database: DatabaseHandle, clinicId: string): Promise<TestClinic> {
	const db = database.db;
	const [technician] = await db.select().from(users).where(eq(users.role, 'technician'));
	const [coordinator] = await db.select().from(users).where(eq(users.role, 'coordinator'));
	const [version] = await db
		.select({ id: routineVersions.id })
		.from(routineVersions)
		.innerJoin(routines, eq(routines.id, routineVersions.routineId))
		.where(eq(routines.name, 'Balance Basics'))
		.orderBy(asc(routineVersions.version));
	const gyms = await db
		.insert(rooms)
		.values(
			['Test gym 1', 'Test gym 2'].map((name) => ({
				clinicId,
				name,
				kind: 'gym' as const,
				capacity: 12
			}))
		)
		.returning({ id: rooms.id });
	// Classes starting now, in rooms of their own: whatever window a start is allowed in, now is in it.
	const sessions = await db
		.insert(classSessions)
		.values(
			gyms.map((room, i) => ({
				clinicId,
				name: `Test class ${i + 1}`,
				type: 'balance' as const,
				roomId: room.id,
				routineVersionId: version!.id,
				leadUserId: technician!.id,
				capacity: 12,
				startsAt: new Date(),
				durationMinutes: 45
			}))
		)
		.returning({ id: classSessions.id });
	const [participant] = await db
		.select({ id: participants.id })
		.from(participants)
		.where(eq(participants.clinicId, clinicId))
		.limit(1);
	await db.insert(enrollments).values(
		sessions.map((session) => ({
			clinicId,
			participantId: participant!.id,
			sessionId: session.id
		}))
	);
	const tokens = gyms.map(() => randomBytes(32).toString('base64url'));
	const screens = await db
		.insert(displays)
		.values(
			gyms.map((room, i) => ({
				clinicId,
				roomId: room.id,
				tokenHash: createHash('sha256').update(tokens[i]!).digest('hex')
			}))
		)
		.returning({ id: displays.id });
	return {
		clinicId,
		technicianId: technician!.id,
		coordinatorId: coordinator!.id,
		sessionId: sessions[0]!.id,
		otherSessionId: sessions[1]!.id,
		participantId: participant!.id,
		roomId: gyms[0]!.id,
		otherRoomId: gyms[1]!.id,
		displayId: screens[0]!.id,
		displayToken: tokens[0]!,
		otherDisplayToken: tokens[1]!
	};
}

/** Clinic B: one technician, nothing else; its staff must reach nothing of clinic A. */
async function prepareOtherClinic(database: DatabaseHandle) {
	const db = database.db;
	const [clinic] = await db
		.insert(clinics)
		.values({ name: 'Other clinic', timeZone: 'UTC' })
		.returning({ id: clinics.id });
	const [user] = await db
		.insert(users)
		.values({
			clinicId: clinic!.id,
			email: `other-${randomUUID()}@example.org`,
			name: 'Other Tech',
			role: 'technician',
			passwordHash: 'not-a-usable-hash'
		})
		.returning({ id: users.id });
	return { clinicId: clinic!.id, technicianId: user!.id };
}

/** Whether a client socket connected, or why it was refused. */
export function outcome(
	socket: ClientSocket
): Promise<{ connected: true } | { error: Error & { data?: { code?: string } } }> {
	if (socket.connected) return Promise.resolve({ connected: true });
	return new Promise((resolve) => {
		socket.once('connect', () => resolve({ connected: true }));
		socket.once('connect_error', (error) => resolve({ error }));
	});
}

export async function connected(socket: ClientSocket): Promise<ClientSocket> {
	const result = await outcome(socket);
	if (!('connected' in result)) throw new Error(`not connected: ${result.error.message}`);
	return socket;
}

/** Row counts and a checksum of what no refused event may change. */
export async function fingerprint(database: DatabaseHandle): Promise<string> {
	const tables = [
		'class_commands',
		'participant_entries',
		'class_alert_actions',
		'enrollments',
		'class_sessions',
		'participants',
		'rooms',
		'displays'
	];
	// A display's "last seen" moves whenever a socket comes or goes: bookkeeping, not a change.
	const rowOf: Record<string, string> = {
		displays:
			'(t.id, t.clinic_id, t.room_id, t.name, t.token_hash, t.revoked_at, t.volume, t.muted)'
	};
	const parts: string[] = [];
	for (const table of tables) {
		const rowText = `${rowOf[table] ?? 't'}::text`;
		const result = await database.db.execute(
			sql.raw(
				`select count(*)::text as n, coalesce(md5(string_agg(${rowText}, '|' order by ${rowText})), '') as sum from ${table} t`
			)
		);
		const rows = (result as unknown as { rows?: unknown[] }).rows ?? (result as unknown[]);
		const row = rows[0] as { n: string; sum: string };
		parts.push(`${table}:${row.n}:${row.sum}`);
	}
	return parts.join('\n');
}
