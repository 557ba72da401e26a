// @ts-check
import fs from 'node:fs';
import path from 'node:path';

/**
 * adapter-node serves build/client with sirv, which lists the files once at start-up and later
 * pipes each from disk with no error handler. A file deleted since (a rebuild in place) then
 * throws ENOENT out of the request and ends the whole process. This answers 404 for a listed
 * file that is gone, and turns a file stream that fails anyway (deleted a moment later) into a
 * closed connection instead of a crash.
 *
 * @param {string} clientDir  build/client
 * @param {(line: string) => void} warn
 */
export function staticFileGuard(clientDir, warn) {
	const listed = new Set(listFiles(clientDir, clientDir));

	/**
	 * True when the request was answered here (the file it names has vanished).
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	function answeredVanished(req, res) {
		res.on('pipe', (source) => {
			source.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
				warn(`static file failed while sending (${error.code ?? error.message})`);
				res.destroy();
			});
		});
		if (req.method !== 'GET' && req.method !== 'HEAD') return false;
		const pathname = requestPath(req.url);
		if (pathname === null) return false;
		// sirv may send the .br or .gz twin instead: every listed form must still be there.
		const forms = [pathname, `${pathname}.br`, `${pathname}.gz`].filter((form) => listed.has(form));
		if (forms.length === 0) return false;
		if (forms.every((form) => fs.existsSync(path.join(clientDir, form)))) return false;
		res.writeHead(404, {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'no-store'
		});
		res.end('Not found');
		return true;
	}

	return { answeredVanished };
}

/** The path as sirv reads it: without the query, percent-decoded when it can be. */
/** @param {string | undefined} url */
function requestPath(url) {
	if (!url) return null;
	const pathname = url.split('?', 1)[0] ?? '';
	try {
		return decodeURI(pathname);
	} catch {
		return pathname;
	}
}

/**
 * @param {string} dir
 * @param {string} root
 * @returns {string[]}
 */
function listFiles(dir, root) {
	/** @type {fs.Dirent[]} */
	let entries;
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch {
		return [];
	}
	return entries.flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return listFiles(full, root);
		return [`/${path.relative(root, full).split(path.sep).join('/')}`];
	});
}
