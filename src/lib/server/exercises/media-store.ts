import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { exercises, mediaFiles } from '../db/schema';
import { MEDIA_FILE_NAME, type MediaType } from './media-check';

/**
 * Exercise pictures and videos live in the `media_files` table under random names (so every
 * process serves them, see schema/media.ts). The exercise row names the file; a name is only
 * ever looked up after it matched MEDIA_FILE_NAME.
 */

/** Bytes read per query when a file is streamed: a video never sits whole in memory. */
export const MEDIA_CHUNK_BYTES = 256 * 1024;

/**
 * An upload saved but named by no exercise this long is a leftover (the process stopped between
 * the file and the exercise row): the start-up sweep removes it. Shorter would race a slow save.
 */
const UNNAMED_GRACE_MS = 24 * 60 * 60 * 1000;

export function sha256Of(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Stores the bytes under a new random name and returns that name. */
export async function storeMedia(
	db: Database,
	bytes: Uint8Array,
	type: MediaType,
	extension: string
): Promise<string> {
	const name = `${randomBytes(16).toString('hex')}.${extension}`;
	// A plain insert: a clash of 128 random bits would fail here, never overwrite.
	await db
		.insert(mediaFiles)
		.values({ name, type, size: bytes.length, sha256: sha256Of(bytes), bytes });
	return name;
}

/** Removes a file no row names any more; a missing one is already gone. */
export async function removeMedia(db: Database, file: string | null): Promise<void> {
	if (!file || !MEDIA_FILE_NAME.test(file)) return;
	await db.delete(mediaFiles).where(eq(mediaFiles.name, file));
}

/** Type and size of a stored file that an exercise names; null for any other name. */
export async function namedMedia(
	db: Database,
	file: string
): Promise<{ type: MediaType; size: number } | null> {
	if (!MEDIA_FILE_NAME.test(file)) return null;
	const [row] = await db
		.select({ type: mediaFiles.type, size: mediaFiles.size })
		.from(mediaFiles)
		.where(
			and(
				eq(mediaFiles.name, file),
				sql`exists (select 1 from ${exercises} where ${exercises.mediaFile} = ${mediaFiles.name})`
			)
		);
	return row ? { type: row.type as MediaType, size: row.size } : null;
}

/** Bytes `start` to `end` (inclusive) of a stored file, or null when it is gone. */
export async function readMediaSlice(
	db: Database,
	file: string,
	start: number,
	end: number
): Promise<Uint8Array | null> {
	const [row] = await db
		.select({
			// substring counts from 1; on an uncompressed out-of-line value it reads only the slice.
			slice: sql<Uint8Array>`substring(${mediaFiles.bytes} from ${start + 1} for ${end - start + 1})`
		})
		.from(mediaFiles)
		.where(eq(mediaFiles.name, file));
	return row ? toBytes(row.slice) : null;
}

/** A file's bytes as a stream of slices read as the reader asks for them. */
export function streamMedia(
	db: Database,
	file: string,
	{ start, end }: { start: number; end: number }
): ReadableStream<Uint8Array> {
	let next = start;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (next > end) return controller.close();
			const last = Math.min(next + MEDIA_CHUNK_BYTES - 1, end);
			const slice = await readMediaSlice(db, file, next, last);
			// Deleted mid-stream (the exercise's picture was replaced): end the response short.
			if (!slice) return controller.error(new Error('media file removed while sent'));
			controller.enqueue(slice);
			next = last + 1;
		}
	});
}

/** Whole stored files, for backups: name, checksum and bytes; null when gone. */
export async function readMedia(
	db: Database,
	file: string
): Promise<{ sha256: string; bytes: Uint8Array } | null> {
	const [row] = await db
		.select({ sha256: mediaFiles.sha256, bytes: mediaFiles.bytes })
		.from(mediaFiles)
		.where(eq(mediaFiles.name, file));
	return row ? { sha256: row.sha256, bytes: toBytes(row.bytes) } : null;
}

/** Removes uploads that no exercise names and that are older than a day; returns how many. */
export async function sweepUnnamedMedia(db: Database, now = new Date()): Promise<number> {
	const removed = await db
		.delete(mediaFiles)
		.where(
			and(
				lt(mediaFiles.createdAt, new Date(now.getTime() - UNNAMED_GRACE_MS)),
				notExists(
					db
						.select({ one: sql`1` })
						.from(exercises)
						.where(eq(exercises.mediaFile, mediaFiles.name))
				)
			)
		)
		.returning({ name: mediaFiles.name });
	return removed.length;
}

/** postgres.js hands back a Buffer, PGlite a Uint8Array; a hex string would mean a driver change. */
function toBytes(value: unknown): Uint8Array {
	if (value instanceof Uint8Array) return value;
	throw new Error('bytea came back in an unexpected form');
}
