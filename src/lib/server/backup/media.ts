import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { MEDIA_FILE_NAME } from '../../shared/ids';
import type { Database } from '../db/client';
import { mediaFolder } from '../exercises/media-move';
import { readMedia, sha256Of } from '../exercises/media-store';
import { namesInFolder } from './folder-names';
import type { MediaEntry } from './format';

/**
 * Exercise pictures and videos are rows of `media_files`, but a backup keeps them as files, not
 * in its rows: the backup file stays small and text, and each is copied into BACKUP_DIR/media
 * once: their names are random and a file is never rewritten, so a daily backup copies only the
 * new ones. Beside each copy, `<name>.sha256` holds the checksum taken while
 * copying, so later backups can list it without reading the video again, and a restore can tell
 * a damaged copy.
 */
export function backupMediaDir(backupDir: string): string {
	return path.join(backupDir, 'media');
}

const CHECKSUM_SUFFIX = '.sha256';

/**
 * A copy no finished backup names yet may belong to a backup still being written (another
 * process, with DATABASE_URL): retention leaves copies used this recently alone.
 */
const PRUNE_GRACE_MS = 24 * 60 * 60 * 1000;

export type MediaCopy = { media: MediaEntry[]; missing: string[]; copied: number };

/** Copies the named files that BACKUP_DIR/media does not hold yet; names the ones not found. */
export async function copyMediaToBackup(
	db: Database,
	backupDir: string,
	files: string[]
): Promise<MediaCopy> {
	const target = backupMediaDir(backupDir);
	const result: MediaCopy = { media: [], missing: [], copied: 0 };
	if (files.length === 0) return result;
	fs.mkdirSync(target, { recursive: true, mode: 0o700 });
	for (const file of files) {
		const copy = path.join(target, file);
		const known = readChecksum(copy);
		if (known) {
			const now = new Date();
			fs.utimesSync(copy, now, now); // used again: see PRUNE_GRACE_MS
			result.media.push({ file, sha256: known, bytes: fs.statSync(copy).size });
			continue;
		}
		const stored = await readMedia(db, file);
		if (!stored) {
			result.missing.push(file);
			continue;
		}
		const copied = { sha256: sha256Of(stored.bytes), bytes: stored.bytes.length };
		// The checksum taken at upload: bytes changed since then are not backed up as good.
		if (copied.sha256 !== stored.sha256) {
			throw new Error(`media file ${file} is damaged in the database`);
		}
		writeDurably(copy, stored.bytes);
		writeDurably(`${copy}${CHECKSUM_SUFFIX}`, `${copied.sha256}\n`);
		result.media.push({ file, ...copied });
		result.copied++;
	}
	if (result.copied > 0) flush(target);
	return result;
}

function readChecksum(copy: string): string | undefined {
	try {
		// A copy is complete once it has its checksum (written after the copy was renamed in place).
		const sha256 = fs.readFileSync(`${copy}${CHECKSUM_SUFFIX}`, 'utf8').trim();
		return /^[0-9a-f]{64}$/.test(sha256) && fs.existsSync(copy) ? sha256 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Deletes the copies (and checksums) that no kept backup names. `named` is undefined when a kept
 * backup could not be read: then nothing is deleted, a stray copy costs less than a lost one.
 */
export function pruneBackupMedia(
	backupDir: string,
	named: Set<string> | undefined,
	now = new Date()
): number {
	if (!named) return 0;
	const dir = backupMediaDir(backupDir);
	let removed = 0;
	for (const name of namesInFolder(dir)) {
		const file = name.endsWith(CHECKSUM_SUFFIX) ? name.slice(0, -CHECKSUM_SUFFIX.length) : name;
		if (!MEDIA_FILE_NAME.test(file) || named.has(file)) continue;
		if (name === file) {
			const used = fs.statSync(path.join(dir, file)).mtimeMs;
			if (now.getTime() - used < PRUNE_GRACE_MS) continue;
			fs.rmSync(path.join(dir, `${file}${CHECKSUM_SUFFIX}`), { force: true }); // first: see readChecksum
			fs.rmSync(path.join(dir, file), { force: true });
			removed++;
		} else if (!fs.existsSync(path.join(dir, file))) {
			fs.rmSync(path.join(dir, name), { force: true }); // a checksum left without its copy
		}
	}
	return removed;
}

/**
 * A restore's media, checked and copied beside DATA_DIR/media before the database is touched.
 * They are placed in DATA_DIR/media in the step that commits the rows, then moved into the
 * database (media-move.ts), which must have the current schema's table for them first.
 */
export type StagedMedia = {
	/** Moves the files into DATA_DIR/media (the last step of the restore's transaction). */
	place(): void;
	/** Removes the staged files, and the placed ones when the restore failed after all. */
	discard(): void;
};

export class MediaRefused extends Error {}

/**
 * Copies every file the backup lists from the backup's media folder (beside the backup file),
 * checking each checksum. Refuses, naming the file, when one is missing or damaged; then nothing
 * has reached DATA_DIR/media.
 */
export async function stageMedia(
	backupFile: string,
	media: MediaEntry[],
	dataDir: string
): Promise<StagedMedia> {
	const from = backupMediaDir(path.dirname(path.resolve(backupFile)));
	const staging = path.join(dataDir, `media-restoring-${randomBytes(6).toString('hex')}`);
	const placed: string[] = [];
	const discard = () => {
		for (const file of placed) fs.rmSync(file, { force: true });
		fs.rmSync(staging, { recursive: true, force: true });
	};
	if (media.length > 0) fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
	try {
		for (const { file, sha256, bytes } of media) {
			if (!MEDIA_FILE_NAME.test(file)) throw new MediaRefused('This backup lists a bad file name.');
			let copied;
			try {
				copied = await copyDurably(path.join(from, file), path.join(staging, file));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
				throw new MediaRefused(
					`The backup's media file ${file} is missing from ${from}: nothing was restored.`
				);
			}
			if (copied.sha256 !== sha256 || copied.bytes !== bytes) {
				throw new MediaRefused(
					`The backup's media file ${path.join(from, file)} is damaged (its checksum does not match): nothing was restored.`
				);
			}
		}
	} catch (error) {
		discard();
		throw error;
	}
	return {
		place: () => {
			if (media.length === 0) return;
			const target = mediaFolder(dataDir);
			fs.mkdirSync(target, { recursive: true, mode: 0o700 });
			for (const { file } of media) {
				fs.renameSync(path.join(staging, file), path.join(target, file));
				placed.push(path.join(target, file));
			}
			flush(target);
			fs.rmSync(staging, { recursive: true, force: true });
		},
		discard
	};
}

/** Copies through a temporary name, flushed, then renamed: a copy is whole or absent. */
async function copyDurably(
	source: string,
	target: string
): Promise<{ sha256: string; bytes: number }> {
	const input = fs.createReadStream(source); // opened before the temporary file: ENOENT first
	await new Promise<void>((resolve, reject) => {
		input.once('open', () => resolve());
		input.once('error', reject);
	});
	const partial = `${target}.partial`;
	const hash = createHash('sha256');
	let bytes = 0;
	try {
		await pipeline(
			input,
			new Transform({
				transform(chunk: Buffer, _encoding, done) {
					hash.update(chunk);
					bytes += chunk.length;
					done(null, chunk);
				}
			}),
			fs.createWriteStream(partial, { mode: 0o600 })
		);
		flush(partial);
		fs.renameSync(partial, target);
	} catch (error) {
		fs.rmSync(partial, { force: true });
		throw error;
	}
	return { sha256: hash.digest('hex'), bytes };
}

function writeDurably(target: string, content: string | Uint8Array): void {
	const partial = `${target}.partial`;
	fs.writeFileSync(partial, content, { mode: 0o600 });
	flush(partial);
	fs.renameSync(partial, target);
}

export function flush(target: string): void {
	const fd = fs.openSync(target, 'r');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}
