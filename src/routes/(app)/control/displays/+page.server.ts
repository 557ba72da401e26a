import { fail } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { displays, rooms, users } from '$lib/server/db/schema';
import { notifyRevoked } from '$lib/server/displays/notify';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	const list = await app.db
		.select({
			id: displays.id,
			roomName: rooms.name,
			pairedBy: users.name,
			pairedAt: displays.pairedAt,
			lastSeenAt: displays.lastSeenAt
		})
		.from(displays)
		.innerJoin(rooms, eq(rooms.id, displays.roomId))
		.leftJoin(users, eq(users.id, displays.pairedBy))
		.where(and(eq(displays.clinicId, locals.user!.clinicId), isNull(displays.revokedAt)))
		.orderBy(asc(rooms.name), asc(displays.pairedAt));
	return { displays: list };
};

export const actions: Actions = {
	revoke: async ({ request, locals }) => {
		const parsed = z
			.object({ displayId: z.uuid() })
			.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Choose a display to remove' });
		const app = await getApp();
		const removed = await app.pairing.revoke(parsed.data.displayId, locals.user!.clinicId);
		if (!removed) return fail(404, { message: 'That display is not paired in your clinic' });
		notifyRevoked(parsed.data.displayId);
		app.log.info({ displayId: parsed.data.displayId, userId: locals.user!.id }, 'display removed');
		return { removed: true };
	}
};
