import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client';
import { mediaFiles } from '../db/schema';
import { namesInFolder } from '../backup/folder-names';
import type { Logger } from '../log';
import { MEDIA_FILE_NAME, MEDIA_MAX_BYTES, sniffMediaType } from './media-check';
import { sha256Of } from './media-store';

/** Where media files lived before they moved into the database, and where a restore stages them. */
export function mediaFolder(dataDir: string): string {
	return path.join(dataDir, 'media');
}

/**
 * Moves the files of DATA_DIR/media into `media_files`: the pictures and videos of a Steady from
 * before they lived in the database, or of a restore (which places a backup's files there in the
 * same step as its rows). Runs at start under the start-up lock. Each file is deleted only once
 * its row is committed, so a stop half-way leaves it for the next start; a file that is not a
 * checked picture or video is left alone and named in the log.
 */
export async function moveFolderMediaIntoDatabase(
	db: Database,
	dataDir: string,
	log: Logger
): Promise<number> {
	const folder = mediaFolder(dataDir);
	const names = namesInFolder(folder).filter((n) => MEDIA_FILE_NAME.test(n));
	let moved = 0;
	for (const name of names) {
		const file = path.join(folder, name);
		const bytes = new Uint8Array(fs.readFileSync(file));
		const type = sniffMediaType(bytes);
		if (!type || bytes.length > MEDIA_MAX_BYTES) {
			log.warn({ file: name }, 'media file left in DATA_DIR/media: not a picture or video we show');
			continue;
		}
		// Already there when an earlier start stopped between the insert and the delete.
		await db
			.insert(mediaFiles)
			.values({ name, type, size: bytes.length, sha256: sha256Of(bytes), bytes })
			.onConflictDoNothing();
		fs.rmSync(file);
		moved++;
	}
	if (moved > 0) log.info({ moved }, 'media files moved into the database');
	try {
		fs.rmdirSync(folder); // only when empty: anything left behind stays visible
	} catch {
		/* not empty, or gone */
	}
	return moved;
}
