import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { signedIn } from '$lib/server/auth/guard';
import { listRooms } from '$lib/server/planning/lists';
import { roomChanged } from '$lib/server/displays/notify';
import { clinicOwns } from '$lib/server/planning/owned';
import { archiveRoom, saveRoom } from '$lib/server/planning/rooms';
import { isUuid } from '$lib/shared/ids';
import { formValues } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const rooms = await listRooms(app.db, user.clinicId);
	const editing = rooms.find((room) => room.id === url.searchParams.get('edit')) ?? null;
	return { rooms, editing };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = signedIn(locals);
		const data = await readForm(request);
		const values = formValues(data);
		const roomId = typeof values.id === 'string' && values.id ? values.id : null;
		if (roomId !== null && !isUuid(roomId)) {
			return fail(400, { values, errors: { form: 'No such room.' }, message: null });
		}
		const { app } = locals;
		// Another clinic's room is not found, whatever else the form holds.
		if (roomId && !(await clinicOwns(app.db, 'rooms', user.clinicId, roomId))) {
			return fail(404, { values, errors: { form: 'No such room.' }, message: null });
		}
		const result = await saveRoom(app.db, user.clinicId, roomId, values, user.id);
		if (!result.ok) {
			return fail(result.notFound ? 404 : 400, { values, errors: result.errors, message: null });
		}
		app.log.info({ userId: user.id, roomId: result.id }, roomId ? 'room changed' : 'room added');
		// Its displays learn at once whether their clicker may run the class.
		if (roomId) await roomChanged(app, roomId);
		redirect(303, `/rooms?saved=${result.id}`);
	},
	archive: async ({ request, locals }) => {
		const user = signedIn(locals);
		const roomId = String((await readForm(request)).get('id') ?? '');
		if (!isUuid(roomId)) return fail(400, { values: null, errors: null, message: 'No such room.' });
		const { app } = locals;
		const result = await archiveRoom(app.db, user.clinicId, roomId);
		if (!result.ok) {
			return fail(result.notFound ? 404 : 409, {
				values: null,
				errors: { [`archive-${roomId}`]: result.message },
				message: null
			});
		}
		app.log.info({ userId: user.id, roomId }, 'room archived');
		return { values: null, errors: null, message: 'Room archived.' };
	}
};
