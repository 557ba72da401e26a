import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireCoordinator } from '$lib/server/auth/guard';
import { listRooms } from '$lib/server/planning/lists';
import { archiveRoom, saveRoom } from '$lib/server/planning/rooms';
import { formValues } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireCoordinator(locals);
	const app = await getApp();
	const rooms = await listRooms(app.db, user.clinicId);
	const editing = rooms.find((room) => room.id === url.searchParams.get('edit')) ?? null;
	return { rooms, editing };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = requireCoordinator(locals);
		const data = await request.formData();
		const values = formValues(data);
		const roomId = typeof values.id === 'string' && values.id ? values.id : null;
		const app = await getApp();
		const result = await saveRoom(app.db, user.clinicId, roomId, values, user.id);
		if (!result.ok) return fail(400, { values, errors: result.errors, message: null });
		app.log.info({ userId: user.id, roomId: result.id }, roomId ? 'room changed' : 'room added');
		redirect(303, `/rooms?saved=${result.id}`);
	},
	archive: async ({ request, locals }) => {
		const user = requireCoordinator(locals);
		const roomId = String((await request.formData()).get('id') ?? '');
		const app = await getApp();
		const result = await archiveRoom(app.db, user.clinicId, roomId);
		if (!result.ok) {
			return fail(409, {
				values: null,
				errors: { [`archive-${roomId}`]: result.message },
				message: null
			});
		}
		return { values: null, errors: null, message: 'Room archived.' };
	}
};
