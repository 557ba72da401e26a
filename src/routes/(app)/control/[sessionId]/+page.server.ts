import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { classSessions } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	if (!z.uuid().safeParse(params.sessionId).success) error(404, 'No such class');
	const app = await getApp();
	const [session] = await app.db
		.select({ id: classSessions.id, name: classSessions.name })
		.from(classSessions)
		.where(
			and(eq(classSessions.id, params.sessionId), eq(classSessions.clinicId, locals.user!.clinicId))
		);
	if (!session) error(404, 'No such class');
	return { session };
};
