import { error } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/guard';
import { handoutPdf } from '$lib/server/handouts/pdf';
import { sessionParam } from '$lib/server/handouts/query';
import { pdfFileName } from '$lib/server/handouts/sheet';
import { handoutOf } from '$lib/server/participants/handout';
import type { RequestHandler } from './$types';

/** The handout as a PDF. The file name says the date only: a saved file names no patient. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = signedIn(locals);
	const now = new Date();
	const handout = await handoutOf(locals.app.db, user.clinicId, params.participantId, {
		now,
		sessionId: sessionParam(url)
	});
	if (!handout) error(404, 'participants.not-found');
	const pdf = await handoutPdf(locals.app.db, handout, now);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${pdfFileName(handout, now)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
