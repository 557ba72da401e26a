import { error, json } from '@sveltejs/kit';
import { signedIn } from '$lib/server/auth/guard';
import { readForm } from '$lib/server/http/form-data';
import { isOurs, revokeHandoutLink } from '$lib/server/handouts/links';
import { deviceOf } from '$lib/server/records/audit';
import { isUuid } from '$lib/shared/ids';
import type { RequestHandler } from './$types';

/** Revokes one of the participant's handout links: from now on it opens nothing. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = signedIn(locals);
	// Another clinic's participant is a 404 whatever the form says.
	if (!(await isOurs(locals.app.db, user.clinicId, params.participantId))) {
		error(404, 'participants.not-found');
	}
	const form = await readForm(request);
	const linkId = String(form.get('linkId') ?? '');
	if (!isUuid(linkId)) error(400, 'error.unreadable-form');
	const revoked = await revokeHandoutLink(
		locals.app.db,
		{ clinicId: user.clinicId, userId: user.id, device: deviceOf(request) },
		params.participantId,
		linkId
	);
	if (!revoked) error(404, 'error.not-found');
	return json({ revoked: true });
};
