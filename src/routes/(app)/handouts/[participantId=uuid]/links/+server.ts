import { error, json } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/guard';
import { readForm } from '$lib/server/http/form-data';
import { activeLinks, createHandoutLink, isOurs } from '$lib/server/handouts/links';
import { isUuid } from '$lib/shared/ids';
import { deviceOf } from '$lib/server/records/audit';
import type { RequestHandler } from './$types';

/** The participant's open handout links (coordinators and technicians revoke them). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = signedIn(locals);
	if (!(await isOurs(locals.app.db, user.clinicId, params.participantId))) {
		error(404, 'participants.not-found');
	}
	const links = await activeLinks(locals.app.db, user.clinicId, params.participantId);
	return json({ links });
};

/**
 * A new link to the participant's handout of one class (the phone shows it as a QR code). The
 * token is in this answer only; the database keeps its hash.
 */
export const POST: RequestHandler = async ({ locals, params, request, url }) => {
	const user = signedIn(locals);
	if (!(await isOurs(locals.app.db, user.clinicId, params.participantId))) {
		error(404, 'participants.not-found');
	}
	const form = await readForm(request);
	const sessionId = String(form.get('sessionId') ?? '');
	if (!isUuid(sessionId)) error(400, 'error.unreadable-form');
	const link = await createHandoutLink(
		locals.app.db,
		{ clinicId: user.clinicId, userId: user.id, device: deviceOf(request) },
		params.participantId,
		sessionId
	);
	if (!link) error(404, 'participants.not-found');
	return json({ url: `${url.origin}/h/${link.token}`, expiresAt: link.expiresAt.toISOString() });
};
