import fs from 'node:fs';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { mediaTypeOf } from '$lib/server/exercises/exercises';
import { MEDIA_FILE_NAME } from '$lib/server/exercises/media-check';
import { mediaPath } from '$lib/server/exercises/media-store';
import { byteRange } from '$lib/server/exercises/byte-range';
import type { RequestHandler } from './$types';

/**
 * Exercise pictures and videos, for the wall display (which has no staff sign-in). Only a file
 * an exercise names is served, with the type checked at upload; the unguessable random name is
 * the only key. A name never changes content, so browsers may keep it for good.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	if (!MEDIA_FILE_NAME.test(params.file)) error(404, 'Not found');
	const app = await getApp();
	const type = await mediaTypeOf(app.db, params.file);
	if (!type) error(404, 'Not found');

	const file = mediaPath(app.config.dataDir, params.file);
	const size = await fs.promises.stat(file).then(
		(stat) => stat.size,
		() => null
	);
	if (size === null) error(404, 'Not found');

	const headers = new Headers({
		'content-type': type,
		'cache-control': 'public, max-age=31536000, immutable',
		'accept-ranges': 'bytes',
		// A picture is never a page: no scripts, even if a browser were talked into rendering it.
		'content-security-policy': "default-src 'none'; sandbox",
		'cross-origin-resource-policy': 'same-origin'
	});
	// Videos are fetched in ranges (Safari will not play one otherwise).
	const range = byteRange(request.headers.get('range'), size);
	if (range === 'unsatisfiable') {
		headers.set('content-range', `bytes */${size}`);
		return new Response(null, { status: 416, headers });
	}
	const { start, end } = range ?? { start: 0, end: size - 1 };
	headers.set('content-length', String(end - start + 1));
	if (range) headers.set('content-range', `bytes ${start}-${end}/${size}`);
	const body = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream;
	return new Response(body, { status: range ? 206 : 200, headers });
};
