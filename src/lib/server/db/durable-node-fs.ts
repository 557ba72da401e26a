import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite 0.5 is not durable on disk as shipped, in two ways (checked in its dist and with strace):
 * - it starts PostgreSQL with `-F` (fsync=off), so PostgreSQL never asks for a flush;
 * - Emscripten's NODEFS has no `fsync` stream operation, so even with fsync=on the WebAssembly
 *   `fsync()` returns success without reaching the disk, and `fdatasync()` (the default
 *   wal_sync_method on Linux) is a no-op in the syscall layer itself.
 * A committed row then sits in the OS page cache: it survives a killed process, not a power cut.
 *
 * This filesystem gives NODEFS the missing `fsync` (a real fsync(2) on the host file or folder)
 * and the database is started with fsync=on and wal_sync_method=fsync, so every commit flushes
 * the WAL before it returns, checkpoints flush data files, and renames flush their folder.
 */
export class DurableNodeFS extends NodeFS {
	/** Real fsync(2) calls made so far: lets the opener check that flushes reach the disk. */
	syncs = 0;

	override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
		const { emscriptenOpts } = await super.init(pg, opts);
		const preRun = [emscriptenOpts.preRun ?? []].flat();
		return {
			emscriptenOpts: {
				...emscriptenOpts,
				// Runs before PostgreSQL's main(), so crash recovery at start-up is flushed too.
				preRun: [...preRun, (module: unknown) => this.addFsync(module as EmscriptenWithNodefs)]
			}
		};
	}

	private addFsync(module: EmscriptenWithNodefs): void {
		module.NODEFS.stream_ops.fsync = (stream) => {
			if (stream.nfd === undefined) return 0;
			try {
				fs.fsyncSync(stream.nfd);
			} catch (error) {
				// PostgreSQL treats a failed fsync as fatal (data_sync_retry=off): pass it on as EIO.
				throw new module.FS.ErrnoError(EIO_WASM, undefined, error);
			}
			this.syncs++;
			return 0;
		};
	}
}

/** Emscripten's errno numbering (musl): EIO is 29 there, not 5. */
const EIO_WASM = 29;

type EmscriptenWithNodefs = {
	NODEFS: { stream_ops: { fsync?: (stream: { nfd?: number }) => number } };
	FS: { ErrnoError: new (errno: number, node?: unknown, cause?: unknown) => Error };
};

/** PGlite's own start parameters with fsync on and the WAL flushed through fsync(). */
export function durableStartParams(): string[] {
	return [
		...PGlite.defaultStartParams.filter((param) => param !== '-F'),
		'-c',
		'fsync=on',
		'-c',
		'wal_sync_method=fsync'
	];
}

export type PgliteOpen = { client: PGlite; durable: boolean };

/**
 * Opens the PGlite cluster in `folder`, durable at commit unless `durable` is false (the bench's
 * comparison, or PGLITE_SYNC=off). Proves the flush reaches the disk with one committed write.
 */
export async function openPgliteFolder(folder: string, durable: boolean): Promise<PgliteOpen> {
	if (!durable) return { client: await PGlite.create(folder), durable: false };
	const isNew = !fs.existsSync(path.join(folder, 'PG_VERSION'));
	const filesystem = new DurableNodeFS(folder);
	const options: PGliteOptions = { fs: filesystem, startParams: durableStartParams() };
	const client = await PGlite.create(options);
	// initdb runs in its own module, without the fsync above: flush what it wrote, once.
	if (isNew) syncTree(folder);
	const before = filesystem.syncs;
	// A commit that wrote WAL (this message, kept in no table) must flush it before returning.
	await client.query(`select pg_logical_emit_message(true, 'steady', 'durability check')`);
	return { client, durable: filesystem.syncs > before };
}

/** fsync(2) every file and folder under `root` (a new cluster is a few hundred files). */
function syncTree(root: string): void {
	for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() || entry.isDirectory()) syncPath(path.join(entry.parentPath, entry.name));
	}
	syncPath(root);
}

function syncPath(file: string): void {
	const fd = fs.openSync(file, 'r');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}
