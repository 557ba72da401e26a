// Exports of a year of a busy clinic: 200 participants in 8 weekly series (3 classes a week, 25
// each), every class with attendance, exertion, pain and vital signs, some adverse events and
// signed notes, made with drizzle inserts on the embedded database (PGlite in a folder). Then
// each CSV file and the FHIR bundle of the whole year go through the real export service into a
// sink that only counts bytes, while memory is sampled every 25 ms. Target: under 10 s each,
// memory flat (the peak heap does not grow with the size of the file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import {
	classNotes,
	classSeries,
	classSessions,
	clinics,
	enrollments,
	participantEntries,
	participantIdentifiers,
	participants,
	rooms,
	routineBlocks,
	routineVersions,
	users
} from '../src/lib/server/db/schema';
import { seedDemoClinic } from '../src/lib/server/db/seed/demo';
import { exportCsv, exportFhir, streamOf, type Exporter } from '../src/lib/server/exports/service';
import { CSV_FILES } from '../src/lib/server/exports/query';
import { wording } from '../src/lib/shared/rules';
import { addDays, localDate } from '../src/lib/shared/time-zone';

const PARTICIPANTS = 200;
const SERIES = 8;
const DAYS = 365;
const BATCH = 2000;

// BENCH_DATA_DIR keeps the year's database there (and reuses it when it exists) for profiling.
const kept = process.env.BENCH_DATA_DIR;
const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'steady-bench-exports-'));
const handle = await openDatabase({ dataDir, durable: false });
await handle.migrate(path.resolve('drizzle'));
const { db } = handle;
const now = new Date();
const { clinicId } = await seedDemoClinic(db, now, 'UTC');
const [room] = await db.select().from(rooms).where(eq(rooms.clinicId, clinicId)).limit(1);
const [series0] = await db.select().from(classSeries).limit(1);
const [version] = await db
	.select({ id: routineVersions.id })
	.from(routineVersions)
	.innerJoin(routineBlocks, eq(routineBlocks.routineVersionId, routineVersions.id))
	.where(eq(routineBlocks.kind, 'exercise'))
	.orderBy(asc(routineVersions.createdAt))
	.limit(1);
const staff = await db.select().from(users).where(eq(users.clinicId, clinicId));
const technician = staff.find((u) => u.role === 'technician')!;
const coordinator = staff.find((u) => u.role === 'coordinator')!;
await db.update(clinics).set({ timeZone: 'UTC' }).where(eq(clinics.id, clinicId));

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const made = performance.now();
const people = Array.from({ length: PARTICIPANTS }, (_, i) => ({
	id: randomUUID(),
	clinicId,
	firstName: `Bench${i}`,
	lastName: `Person${i}`,
	displayName: `Bench${i} P.`,
	dateOfBirth: '1950-01-01'
}));
await insertAll(people, (batch) => db.insert(participants).values(batch));
await insertAll(
	people.map((p, i) => ({
		clinicId,
		participantId: p.id,
		kind: 'mrn' as const,
		system: 'urn:oid:2.16.840.1.113883.19.5',
		value: `MRN-${i}`
	})),
	(batch) => db.insert(participantIdentifiers).values(batch)
);

const lastDay = localDate('UTC', now);
const firstDay = addDays(lastDay, -(DAYS - 1));
const sessions: (typeof classSessions.$inferInsert)[] = [];
const places: (typeof enrollments.$inferInsert)[] = [];
const entries: (typeof participantEntries.$inferInsert)[] = [];
const notes: (typeof classNotes.$inferInsert)[] = [];
for (let s = 0; s < SERIES; s++) {
	const seriesId = randomUUID();
	await db.insert(classSeries).values({
		...series0!,
		id: seriesId,
		clinicId,
		name: `Bench series ${s}`,
		roomId: room!.id,
		startsOn: firstDay,
		createdAt: undefined,
		archivedAt: null
	});
	const members = people.slice(s * 25, s * 25 + 25);
	for (const member of members) {
		places.push({ clinicId, participantId: member.id, seriesId, status: 'enrolled' });
	}
	for (let d = 0; d < DAYS; d++) {
		// Three classes a week per series, spread over the weekdays.
		if ((d + s) % 7 > 2) continue;
		const startsAt = new Date(
			Date.parse(`${addDays(firstDay, d)}T${String(8 + s).padStart(2, '0')}:00:00Z`)
		);
		if (startsAt > now) continue;
		const sessionId = randomUUID();
		sessions.push({
			id: sessionId,
			clinicId,
			seriesId,
			name: `Bench series ${s}`,
			type: 'balance',
			roomId: room!.id,
			routineVersionId: version!.id,
			leadUserId: technician.id,
			occurrenceDate: addDays(firstDay, d),
			capacity: 25,
			startsAt,
			durationMinutes: 45,
			status: 'completed',
			startedAt: startsAt,
			endedAt: new Date(startsAt.getTime() + 45 * 60_000)
		});
		members.forEach((member, m) => {
			const at = (minute: number) => new Date(startsAt.getTime() + minute * 60_000);
			const base = {
				clinicId,
				sessionId,
				participantId: member.id,
				userId: technician.id,
				deviceId: 'bench'
			};
			const absent = (d + m) % 10 === 0;
			entries.push({
				...base,
				id: randomUUID(),
				kind: 'attendance',
				payload: { kind: 'attendance', status: absent ? 'absent' : 'present' },
				recordedAt: at(0)
			});
			if (absent) return;
			entries.push(
				{
					...base,
					id: randomUUID(),
					kind: 'vitals',
					payload: {
						kind: 'vitals',
						vitals: {
							timing: 'before',
							systolic: 120 + (m % 60),
							diastolic: 80,
							heartRate: 70 + m,
							spo2: 96
						}
					},
					recordedAt: at(1)
				},
				{
					...base,
					id: randomUUID(),
					kind: 'exertion',
					payload: { kind: 'exertion', scale: 'borg_6_20', value: 11 + (m % 5) },
					recordedAt: at(30)
				},
				{
					...base,
					id: randomUUID(),
					kind: 'pain',
					payload: { kind: 'pain', value: m % 6 },
					recordedAt: at(31)
				}
			);
			if ((d * 25 + m) % 400 === 0) {
				entries.push({
					...base,
					id: randomUUID(),
					kind: 'adverse_event',
					payload: {
						kind: 'adverse_event',
						type: 'fall',
						severity: 'mild',
						actionTaken: 'Sat down, checked, continued seated',
						whoWasTold: 'Supervising therapist'
					},
					recordedAt: at(20)
				});
			}
			if (m % 2 === 0) {
				notes.push({
					clinicId,
					sessionId,
					participantId: member.id,
					state: 'signed',
					draft: {},
					response: 'Tolerated the class well; steady on the balance work.',
					cues: 'Verbal cues for posture.',
					goals: 'Goal 2: single-leg stance 10 s.',
					plan: 'Progress to tandem stance.',
					signedBy: technician.id,
					signedAt: at(50),
					signerName: technician.name,
					signerCredentials: 'PTA'
				});
			}
		});
	}
}
await insertAll(sessions, (batch) => db.insert(classSessions).values(batch));
await insertAll(places, (batch) => db.insert(enrollments).values(batch));
await insertAll(entries, (batch) => db.insert(participantEntries).values(batch));
await insertAll(notes, (batch) => db.insert(classNotes).values(batch));
console.log(
	`made a year: ${sessions.length} classes, ${entries.length} entries, ${notes.length} notes for ${PARTICIPANTS} participants in ${((performance.now() - made) / 1000).toFixed(1)} s`
);

// Measure the export, not the arrays the year was made from.
for (const list of [sessions, places, entries, notes]) list.length = 0;

const who: Exporter = {
	db,
	clinicId,
	userId: coordinator.id,
	device: 'bench',
	words: wording('en')
};

async function measure(label: string, run: () => ReturnType<typeof exportCsv>) {
	globalThis.gc?.();
	const start = process.memoryUsage();
	let peakRss = start.rss;
	let peakHeap = start.heapUsed;
	// PGlite runs on this thread and its promises resolve without yielding to timers, so the
	// sink samples too: once per piece of the file it receives.
	const sample = () => {
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
	};
	const sampler = setInterval(sample, 25);
	const started = performance.now();
	const result = await run();
	if (!result.ok) throw new Error(result.code);
	const reader = streamOf(result.file.chunks).getReader();
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		sample();
	}
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
	console.log(
		`${label.padEnd(22)} ${seconds.toFixed(2).padStart(6)} s  ${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MB out  peak RSS ${mb(peakRss)} MB (start ${mb(start.rss)})  peak heap ${mb(peakHeap)} MB (start ${mb(start.heapUsed)})  ${seconds < 10 ? 'ok' : 'OVER 10 s'}`
	);
	return seconds;
}

// BENCH_ROUNDS (default 3): each export is timed that many times over the same year; the
// summary gives the median and the spread (min-max).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const range = { from: firstDay, to: lastDay };
const times = new Map<string, number[]>();
for (let round = 1; round <= ROUNDS; round++) {
	console.log(`round ${round}`);
	const runs: [string, () => ReturnType<typeof exportCsv>][] = [
		// BENCH_ONLY=fhir: the bundle alone (when working on it).
		...(process.env.BENCH_ONLY === 'fhir' ? [] : CSV_FILES).map(
			(file): [string, () => ReturnType<typeof exportCsv>] => [
				`CSV ${file}`,
				() => exportCsv(who, { file, ...range })
			]
		),
		['FHIR bundle (year)', () => exportFhir(who, { scope: 'range', ...range })]
	];
	for (const [label, run] of runs) {
		const seconds = await measure(label, run);
		times.set(label, [...(times.get(label) ?? []), seconds]);
	}
}
console.log(`\nmedian of ${ROUNDS} (min-max), target < 10 s:`);
for (const [label, list] of times) {
	const sorted = [...list].sort((a, b) => a - b);
	console.log(
		`${label.padEnd(22)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s (${sorted[0]!.toFixed(2)}-${sorted[sorted.length - 1]!.toFixed(2)})`
	);
}
await handle.close();
if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
