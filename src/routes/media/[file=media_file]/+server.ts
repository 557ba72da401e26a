import { error } from '@sveltejs/kit';
import { namedMedia, streamMedia } from '$lib/server/exercises/media-store';
import { byteRange } from '$lib/server/exercises/byte-range';
import type { RequestHandler } from './$types';

/**
 * Exercise pictures and videos, for the wall display (which has no staff sign-in). Only a file
 * an exercise names is served, with the type checked at upload; the unguessable random name is
 * the only key. A name never changes content, so browsers may keep it for good. The bytes come
 * from the database in slices (any process of a cluster can serve them).
 */
export const GET: RequestHandler = async ({ params, request, locals }) => {
	const { app } = locals;
	const media = await namedMedia(app.db, params.file);
	if (!media) error(404, 'error.not-found');
	const { type, size } = media;

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
	return new Response(streamMedia(app.db, params.file, { start, end }), {
		status: range ? 206 : 200,
		headers
	});
};
