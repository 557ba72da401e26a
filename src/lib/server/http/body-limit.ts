import type { Locale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { error } from '@sveltejs/kit';

/**
 * Request bodies: adapter-node's BODY_SIZE_LIMIT (8 MB, set by server/index.js) is the ceiling
 * for an exercise's picture or video upload only. Everything else, signed in or not, may send
 * at most this much, checked before the body is read.
 */
export const SMALL_BODY_BYTES = 512 * 1024;

/** Exercise create and edit (`?/save`): the only actions that take a file. */
export function isMediaUpload(method: string, url: URL): boolean {
	return method === 'POST' && /^\/exercises\/[^/]+$/.test(url.pathname) && actionOf(url) === 'save';
}

/** The action SvelteKit will run: the first query key that starts with a slash. */
function actionOf(url: URL): string | null {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
	return null;
}

export type BodyCheck =
	| { verdict: 'too-large' }
	| { verdict: 'ok' }
	/** No length given (chunked): the body is counted as it is read. */
	| { verdict: 'counted'; request: Request; exceeded: () => boolean };

export function checkBodySize(request: Request, limit: number): BodyCheck {
	const declared = request.headers.get('content-length');
	if (declared !== null) {
		return Number(declared) > limit ? { verdict: 'too-large' } : { verdict: 'ok' };
	}
	if (!request.body) return { verdict: 'ok' };

	let size = 0;
	let exceeded = false;
	const counter = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			size += chunk.byteLength;
			if (size <= limit) return controller.enqueue(chunk);
			exceeded = true;
			// An HttpError: SvelteKit answers it with its status and does not log it as a fault.
			controller.error(httpError(413, 'error.too-large'));
		}
	});
	// preventCancel: cancelling the source would destroy the socket before the 413 goes out.
	const body = request.body.pipeThrough(counter, { preventCancel: true });
	const counted = new Request(request.url, {
		method: request.method,
		headers: request.headers,
		body,
		signal: request.signal,
		// @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM types lack it.
		duplex: 'half'
	});
	return { verdict: 'counted', request: counted, exceeded: () => exceeded };
}

/**
 * The plain answer for a body over the limit, in the reader's language; the connection closes
 * rather than read the rest.
 */
export function tooLarge(locale: Locale): Response {
	return new Response(translate(locale, 'error.too-large'), {
		status: 413,
		headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }
	});
}

function httpError(status: number, message: string): unknown {
	try {
		error(status, message);
	} catch (thrown) {
		return thrown;
	}
}
