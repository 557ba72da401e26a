import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { classClipboard } from '$lib/server/roster/roster';
import { classSessions } from '$lib/server/db/schema';
import { and, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	if (!z.uuid().safeParse(params.sessionId).success) error(404, 'No such class');
	const app = await getApp();
	const clinicId = locals.user!.clinicId;
	const [session] = await app.db
		.select({ id: classSessions.id, name: classSessions.name })
		.from(classSessions)
		.where(and(eq(classSessions.id, params.sessionId), eq(classSessions.clinicId, clinicId)));
	if (!session) error(404, 'No such class');
	// Roster and entries so far: staff only (this page is behind sign-in; displays never load it).
	const clipboard = await classClipboard(app.db, clinicId, session.id);
	return { session, clipboard: clipboard! };
};
