import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { exercises, mediaFiles } from '../db/schema';
import { seedDemoClinic } from '../db/seed/demo';
import { createTestDatabase } from '../db/test-database';
import { createLogger } from '../log';
import { MEDIA_MAX_BYTES } from './media-check';
import { mediaFolder, moveFolderMediaIntoDatabase } from './media-move';
import {
	MEDIA_CHUNK_BYTES,
	namedMedia,
	readMedia,
	readMediaSlice,
	storeMedia,
	streamMedia,
	sweepUnnamedMedia
} from './media-store';

let database: DatabaseHandle;
let exerciseId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-media-test-'));
const log = createLogger('silent');

beforeAll(async () => {
	database = await createTestDatabase();
	await seedDemoClinic(database.db);
	const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).limit(1);
	exerciseId = exercise!.id;
});

afterAll(async () => {
	await database?.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

/** A PNG signature and random bytes: what the upload check lets through. */
function png(size: number): Buffer {
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([signature, randomBytes(size - signature.length)]);
}

async function nameIt(file: string | null) {
	await database.db
		.update(exercises)
		.set({ mediaFile: file, mediaType: file ? 'image/png' : null })
		.where(eq(exercises.id, exerciseId));
}

async function readAll(
	stream: ReadableStream<Uint8Array>
): Promise<{ bytes: Buffer; reads: number }> {
	const parts: Uint8Array[] = [];
	for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
	return { bytes: Buffer.concat(parts), reads: parts.length };
}

describe('media files in the database', { timeout: 60_000 }, () => {
	it('serves a stored file only once an exercise names it, whole or in slices', async () => {
		const bytes = png(2 * MEDIA_CHUNK_BYTES + 1000);
		const file = await storeMedia(database.db, bytes, 'image/png', 'png');
		expect(file).toMatch(/^[0-9a-f]{32}\.png$/);
		expect(await namedMedia(database.db, file)).toBeNull();

		await nameIt(file);
		expect(await namedMedia(database.db, file)).toEqual({ type: 'image/png', size: bytes.length });
		const slice = await readMediaSlice(database.db, file, 100, 199);
		expect(Buffer.from(slice!).equals(bytes.subarray(100, 200))).toBe(true);

		// A whole video is read a chunk at a time, never all at once.
		const whole = await readAll(
			streamMedia(database.db, file, { start: 0, end: bytes.length - 1 })
		);
		expect(whole.bytes.equals(bytes)).toBe(true);
		expect(whole.reads).toBe(3);
		const tail = await readAll(
			streamMedia(database.db, file, { start: bytes.length - 10, end: bytes.length - 1 })
		);
		expect(tail.bytes.equals(bytes.subarray(-10))).toBe(true);

		// Names of another form are never looked up.
		expect(await namedMedia(database.db, '../pglite/PG_VERSION')).toBeNull();
	});

	it('holds the upload size cap in the database too', async () => {
		const tooBig = png(MEDIA_MAX_BYTES + 1);
		await expect(storeMedia(database.db, tooBig, 'image/png', 'png')).rejects.toThrow();
		const [row] = await database.db
			.select({ n: mediaFiles.name })
			.from(mediaFiles)
			.where(eq(mediaFiles.size, tooBig.length));
		expect(row).toBeUndefined();
	});

	it('sweeps uploads no exercise named within a day, and keeps the named and the recent', async () => {
		const named = await storeMedia(database.db, png(500), 'image/png', 'png');
		await nameIt(named);
		const recent = await storeMedia(database.db, png(500), 'image/png', 'png');
		const left = await storeMedia(database.db, png(500), 'image/png', 'png');
		const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
		for (const name of [named, left]) {
			await database.db
				.update(mediaFiles)
				.set({ createdAt: twoDaysAgo })
				.where(eq(mediaFiles.name, name));
		}
		expect(await sweepUnnamedMedia(database.db)).toBeGreaterThanOrEqual(1);
		expect(await readMedia(database.db, left)).toBeNull();
		expect(await readMedia(database.db, named)).not.toBeNull();
		expect(await readMedia(database.db, recent)).not.toBeNull();
	});

	it('moves the files of an older Steady from DATA_DIR/media into the database', async () => {
		const dataDir = path.join(tmp, 'older-steady');
		const folder = mediaFolder(dataDir);
		fs.mkdirSync(folder, { recursive: true });
		const picture = png(300_000);
		const name = `${randomBytes(16).toString('hex')}.png`;
		fs.writeFileSync(path.join(folder, name), picture);
		// Not a picture under a picture's name, and a name we never make: both stay where they are.
		const fake = `${randomBytes(16).toString('hex')}.png`;
		fs.writeFileSync(path.join(folder, fake), 'not a picture');
		fs.writeFileSync(path.join(folder, 'notes.txt'), 'kept');
		await nameIt(name);

		expect(await moveFolderMediaIntoDatabase(database.db, dataDir, log)).toBe(1);
		const moved = await readMedia(database.db, name);
		expect(Buffer.from(moved!.bytes).equals(picture)).toBe(true);
		expect(await namedMedia(database.db, name)).toEqual({
			type: 'image/png',
			size: picture.length
		});
		expect(fs.readdirSync(folder).sort()).toEqual([fake, 'notes.txt'].sort());

		// A start that stopped after the insert but before the delete: the next one finishes it.
		fs.writeFileSync(path.join(folder, name), picture);
		expect(await moveFolderMediaIntoDatabase(database.db, dataDir, log)).toBe(1);
		expect(fs.existsSync(path.join(folder, name))).toBe(false);

		// Once the folder is empty it goes; a DATA_DIR without one is no error.
		fs.rmSync(path.join(folder, fake));
		fs.rmSync(path.join(folder, 'notes.txt'));
		expect(await moveFolderMediaIntoDatabase(database.db, dataDir, log)).toBe(0);
		expect(fs.existsSync(folder)).toBe(false);
		expect(await moveFolderMediaIntoDatabase(database.db, dataDir, log)).toBe(0);
	});
});
