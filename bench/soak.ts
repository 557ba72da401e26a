// `npm run soak`: a compressed clinic day, over and over, against the production build, printing
// the server's heap and RSS every minute. Not part of `npm test`: it runs for an hour and more.
//
// Each "day" is 8 classes: 4 rooms, two rounds. Every class has a paired display and 3 phones
// (signed in over HTTP like a browser); the phones start it, record attendance and tolerance
// entries every few seconds, step through the routine, drop their connection now and then and come
// back, and end it. At the end, heap and RSS must be within 10 % of the first hour's.
//
// SOAK_MINUTES (default 90, at least 70 so there is a first hour to compare with),
// SOAK_CLASS_MINUTES (default 8), SOAK_ENTRY_SECONDS (default 3, per phone), SOAK_PORT (4400).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, and, isNull } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '../src/lib/server/db/client';
import {
	classSessions,
	enrollments,
	participants,
	routines,
	routineVersions,
	users
} from '../src/lib/server/db/schema';
import { seedDemoClinic } from '../src/lib/server/db/seed/demo';
import type { EntryPayload } from '../src/lib/shared/entries';
import { gymsWithDisplays } from './live-setup';
import { copyOfBuild, signInCookie, startServer, untilListening } from '../tests/server-process';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 90);
const CLASS_MINUTES = Number(process.env.SOAK_CLASS_MINUTES ?? 8);
const ENTRY_SECONDS = Number(process.env.SOAK_ENTRY_SECONDS ?? 3);
const PORT = Number(process.env.SOAK_PORT ?? 4400);
const ROOMS = 4;
const PHONES = 3;
const BREAK_MS = 30_000;
const ROUND_MS = CLASS_MINUTES * 60_000 + BREAK_MS;
const ROUNDS = Math.ceil((MINUTES * 60_000) / ROUND_MS);

type SoakClass = { sessionId: string; displayToken: string; participantIds: string[] };
type Sample = { minute: number; heapMb: number; rssMb: number; clients: number };

const counts = { classes: 0, commands: 0, entries: 0, refused: 0, reconnects: 0, errors: 0 };

/** Rooms, displays and one class per room and round (at the round's time), written before start. */
async function prepare(dataDir: string, startsAt: number): Promise<SoakClass[][]> {
	const database = await openDatabase({ dataDir });
	try {
		await database.migrate(path.resolve('drizzle'));
		const { clinicId } = await seedDemoClinic(database.db);
		const [technician] = await database.db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.role, 'technician'));
		const [version] = await database.db
			.select({ id: routineVersions.id })
			.from(routineVersions)
			.innerJoin(routines, eq(routines.id, routineVersions.routineId))
			.where(eq(routines.name, 'Core Strength'));
		const people = await database.db
			.select({ id: participants.id })
			.from(participants)
			.where(and(eq(participants.clinicId, clinicId), isNull(participants.archivedAt)));
		const { roomRows, tokens } = await gymsWithDisplays(database.db, clinicId, ROOMS, 'Soak room');
		const rounds: SoakClass[][] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const classes: SoakClass[] = [];
			for (const [i, room] of roomRows.entries()) {
				const [session] = await database.db
					.insert(classSessions)
					.values({
						clinicId,
						name: `Soak class ${round + 1}.${i + 1}`,
						type: 'core',
						roomId: room.id,
						routineVersionId: version!.id,
						leadUserId: technician!.id,
						capacity: 12,
						startsAt: new Date(startsAt + round * ROUND_MS),
						durationMinutes: CLASS_MINUTES
					})
					.returning({ id: classSessions.id });
				// Eight of the clinic's participants, a different eight in each room.
				const roster = Array.from({ length: 8 }, (_, k) => people[(i * 3 + k) % people.length]!.id);
				await database.db
					.insert(enrollments)
					.values(
						roster.map((participantId) => ({ clinicId, participantId, sessionId: session!.id }))
					);
				classes.push({ sessionId: session!.id, displayToken: tokens[i]!, participantIds: roster });
			}
			rounds.push(classes);
		}
		return rounds;
	} finally {
		await database.close();
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ask(socket: Socket, event: string, payload: unknown): Promise<{ ok: boolean }> {
	try {
		return (await socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean };
	} catch {
		return { ok: false };
	}
}

function connect(url: string, namespace: string, options: object): Socket {
	return io(`${url}${namespace}`, {
		transports: ['websocket'],
		reconnectionDelay: 200,
		reconnectionDelayMax: 2000,
		forceNew: true,
		...options
	});
}

/**
 * Sign-ins one after another, as phones arrive in a room: a dozen at the same instant for one
 * account from one address would be slowed down by the sign-in limits (their points are taken
 * before the password is checked).
 */
let signIns: Promise<unknown> = Promise.resolve();
function signInInTurn(url: string): Promise<string> {
	const next = signIns.then(() => signInCookie(url));
	signIns = next.catch(() => undefined);
	return next;
}

/** One phone through one class: join, entries every few seconds, commands, a drop now and then. */
async function runPhone(url: string, cls: SoakClass, lead: boolean, until: number): Promise<void> {
	const cookie = await signInInTurn(url);
	const socket = connect(url, '/', { extraHeaders: { cookie } });
	const deviceId = `soak-${randomUUID().slice(0, 8)}`;
	let clientSeq = 0;
	const command = async (type: string) => {
		const reply = await ask(socket, 'class:command', {
			sessionId: cls.sessionId,
			clientCommandId: randomUUID(),
			clientSeq: ++clientSeq,
			command: { type }
		});
		counts.commands++;
		if (!reply.ok) counts.refused++;
	};
	socket.on('connect', () => {
		void ask(socket, 'class:join', { sessionId: cls.sessionId });
		void ask(socket, 'class:clipboard', { sessionId: cls.sessionId });
	});
	try {
		await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
		if (lead) await command('start');
		const payloads = (i: number): EntryPayload =>
			i < cls.participantIds.length
				? { kind: 'attendance', status: 'present' }
				: i % 3 === 0
					? { kind: 'exertion', scale: 'borg_6_20', value: 11 + (i % 4) }
					: i % 3 === 1
						? { kind: 'pain', value: i % 3 }
						: { kind: 'note', text: 'Tolerated well' };
		for (let i = 0; Date.now() < until; i++) {
			await sleep(ENTRY_SECONDS * 1000 * (0.5 + Math.random()));
			if (!socket.connected) continue;
			const reply = await ask(socket, 'entry:record', {
				id: randomUUID(),
				sessionId: cls.sessionId,
				participantId: cls.participantIds[i % cls.participantIds.length],
				recordedAt: Date.now(),
				deviceId,
				payload: payloads(i)
			});
			counts.entries++;
			if (!reply.ok) counts.refused++;
			if (lead && i % 10 === 9) await command('next');
			// Now and then the Wi-Fi drops for a few seconds.
			if (Math.random() < 0.03) {
				counts.reconnects++;
				socket.disconnect();
				await sleep(2000 + Math.random() * 3000);
				socket.connect();
			}
		}
		if (lead) await command('end');
	} catch {
		counts.errors++;
	} finally {
		socket.disconnect();
	}
}

/** A display through one class: connects with its device token and follows the room. */
function runDisplay(url: string, cls: SoakClass): Socket {
	const socket = connect(url, '/display', { auth: { token: cls.displayToken } });
	socket.on('connect', () => void ask(socket, 'display:hello', {}));
	return socket;
}

async function sample(url: string, minute: number): Promise<Sample> {
	const health = (await (await fetch(`${url}/healthz`)).json()) as {
		memory: { rssMb: number; heapUsedMb: number };
		realtime: { clients?: number };
	};
	return {
		minute,
		heapMb: health.memory.heapUsedMb,
		rssMb: health.memory.rssMb,
		clients: health.realtime.clients ?? 0
	};
}

async function main() {
	if (!fs.existsSync('build/handler.js')) throw new Error('run `npm run build` first');
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-soak-'));
	const started = Date.now() + 20_000;
	console.log(
		`Soak: ${MINUTES} min, ${ROUNDS} rounds of ${ROOMS} classes (${CLASS_MINUTES} min each), ` +
			`${PHONES} phones + 1 display per class, an entry every ~${ENTRY_SECONDS} s per phone`
	);
	const rounds = await prepare(dataDir, started);
	// A copy of the build, so a rebuild during the soak cannot pull files from under it.
	const copy = copyOfBuild();
	const server = startServer(
		PORT,
		{ ...copy.env, DATA_DIR: dataDir, STEADY_SEED: 'none', BACKUP_DIR: 'off' },
		'http',
		{ root: copy.root }
	);
	await untilListening(server);
	const url = server.url;
	const samples: Sample[] = [];
	const t0 = Date.now();
	const monitor = setInterval(() => {
		const minute = Math.round((Date.now() - t0) / 60_000);
		void sample(url, minute).then(
			(s) => {
				samples.push(s);
				console.log(
					`  min ${String(minute).padStart(3)}  heap ${String(s.heapMb).padStart(4)} MB  ` +
						`RSS ${String(s.rssMb).padStart(4)} MB  clients ${String(s.clients).padStart(3)}  ` +
						`classes ${counts.classes}  entries ${counts.entries}  commands ${counts.commands}  ` +
						`refused ${counts.refused}  drops ${counts.reconnects}  errors ${counts.errors}`
				);
			},
			() => counts.errors++
		);
	}, 60_000);

	try {
		for (const classes of rounds) {
			const until = Date.now() + CLASS_MINUTES * 60_000;
			const screens = classes.map((cls) => runDisplay(url, cls));
			await Promise.all(
				classes.flatMap((cls) =>
					Array.from({ length: PHONES }, (_, p) => runPhone(url, cls, p === 0, until))
				)
			);
			counts.classes += classes.length;
			for (const screen of screens) screen.disconnect();
			await sleep(BREAK_MS);
		}
	} finally {
		clearInterval(monitor);
		const last = await sample(url, Math.round((Date.now() - t0) / 60_000));
		samples.push(last);
		server.child.kill('SIGTERM');
		await server.exited;
		fs.rmSync(dataDir, { recursive: true, force: true });
		copy.remove();
		report(samples, last);
	}
}

/** The end against the first hour (after the first 10 minutes of warm-up): within 10 %. */
function report(samples: Sample[], last: Sample) {
	const firstHour = samples.filter((s) => s.minute >= 10 && s.minute <= 60);
	if (firstHour.length === 0 || last.minute < 61) {
		console.log('\nToo short to compare with a first hour (SOAK_MINUTES must be 70 or more).');
		return;
	}
	const peak = (key: 'heapMb' | 'rssMb') => Math.max(...firstHour.map((s) => s[key]));
	const lines = (['heapMb', 'rssMb'] as const).map((key) => {
		const ratio = last[key] / peak(key);
		return {
			key,
			ratio,
			line: `${key === 'heapMb' ? 'heap' : 'RSS '} end ${last[key]} MB vs first-hour peak ${peak(key)} MB: ${((ratio - 1) * 100).toFixed(1)} %`
		};
	});
	console.log(
		`\nClasses ${counts.classes}, entries ${counts.entries}, commands ${counts.commands}, refused ${counts.refused}, drops ${counts.reconnects}, errors ${counts.errors}`
	);
	for (const { line } of lines) console.log(line);
	const ok = lines.every((l) => l.ratio <= 1.1) && counts.errors === 0;
	console.log(ok ? 'PASS: memory within 10 % of the first hour' : 'FAIL');
	process.exitCode = ok ? 0 : 1;
}

await main();
