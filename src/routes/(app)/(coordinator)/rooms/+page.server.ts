import { redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { refuse, refuseForm } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { listRooms } from '$lib/server/planning/lists';
import { roomChanged } from '$lib/server/displays/notify';
import { clinicOwns } from '$lib/server/planning/owned';
import { archiveRoom, saveRoom } from '$lib/server/planning/rooms';
import { problemsOf } from '$lib/i18n/problem';
import { isUuid } from '$lib/shared/ids';
import { formValues, roomFormSchema } from '$lib/shared/planning/forms';
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
			return refuseForm(400, 'rooms.not-found', undefined, values);
		}
		const { app } = locals;
		// Another clinic's room is not found, whatever else the form holds.
		if (roomId && !(await clinicOwns(app.db, 'rooms', user.clinicId, roomId))) {
			return refuseForm(404, 'rooms.not-found', undefined, values);
		}
		const parsed = roomFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const result = await saveRoom(app.db, user.clinicId, roomId, parsed.data, user.id);
		if (!result.ok) return refuse(result.notFound ? 404 : 400, result.problems, values);
		app.log.info({ userId: user.id, roomId: result.id }, roomId ? 'room changed' : 'room added');
		// Its displays learn at once whether their clicker may run the class.
		if (roomId) await roomChanged(app, roomId);
		redirect(303, `/rooms?saved=${result.id}`);
	},
	archive: async ({ request, locals }) => {
		const user = signedIn(locals);
		const roomId = String((await readForm(request)).get('id') ?? '');
		if (!isUuid(roomId)) return refuseForm(400, 'rooms.not-found');
		const { app } = locals;
		const result = await archiveRoom(app.db, user.clinicId, roomId);
		// The refusal shows beside the room's Archive button.
		if (!result.ok) {
			return refuse(result.notFound ? 404 : 409, { [`archive-${roomId}`]: result.problem });
		}
		app.log.info({ userId: user.id, roomId }, 'room archived');
		return { done: 'rooms.archived' as const };
	}
};
