import { error } from '@sveltejs/kit';
import { openHandoutLink } from '$lib/server/handouts/links';
import { guessGate } from '$lib/server/handouts/guess-gate';
import { sheetOf } from '$lib/server/handouts/sheet';
import { deviceOf } from '$lib/server/records/audit';
import type { PageServerLoad } from './$types';

/**
 * A handout handed over in class, opened without an account from its QR code. Only the sheet,
 * with first name and last initial. An unknown, expired or revoked token (or one whose participant
 * left the clinic) is the same plain 404, so nothing tells them apart. Too many wrong tokens from
 * one address in a while: a 429 instead of another try.
 */
export const load: PageServerLoad = async ({
	locals,
	params,
	request,
	setHeaders,
	getClientAddress
}) => {
	// On every answer, the 404 included: not kept, not indexed, no address passed on.
	setHeaders({
		'cache-control': 'no-store',
		'referrer-policy': 'no-referrer',
		'x-robots-tag': 'noindex, nofollow'
	});
	const gate = guessGate(locals.app.db);
	const address = getClientAddress();
	if (!(await gate.mayTry(address))) error(429, 'handouts.too-many');
	const handout = await openHandoutLink(locals.app.db, params.token, deviceOf(request));
	if (!handout) {
		await gate.missed(address);
		error(404, 'error.not-found');
	}
	locals.documentLocale = handout.language;
	return { sheet: sheetOf(handout, 'short') };
};
