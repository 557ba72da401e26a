import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_FILE_NAME } from './media-check';

/**
 * Exercise pictures and videos live in DATA_DIR/media under random names. The database row names
 * the file; a name is only ever joined to this folder after it matched MEDIA_FILE_NAME.
 */
export function mediaDir(dataDir: string): string {
	return path.join(dataDir, 'media');
}

export function mediaPath(dataDir: string, file: string): string {
	if (!MEDIA_FILE_NAME.test(file)) throw new Error('Not a stored media file name');
	return path.join(mediaDir(dataDir), file);
}

/** Writes the bytes under a new random name and returns that name. */
export async function storeMedia(
	dataDir: string,
	bytes: Uint8Array,
	extension: string
): Promise<string> {
	await fs.mkdir(mediaDir(dataDir), { recursive: true });
	const file = `${randomBytes(16).toString('hex')}.${extension}`;
	// 'wx': never overwrite, however unlikely a clash.
	await fs.writeFile(mediaPath(dataDir, file), bytes, { flag: 'wx' });
	return file;
}

/** Removes a file no row names any more; a missing file is already gone. */
export async function removeMedia(dataDir: string, file: string | null): Promise<void> {
	if (!file || !MEDIA_FILE_NAME.test(file)) return;
	await fs.rm(mediaPath(dataDir, file), { force: true });
}
