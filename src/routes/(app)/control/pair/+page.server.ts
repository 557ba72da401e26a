import { fail } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getApp } from '$lib/server/app';
import { rooms } from '$lib/server/db/schema';
import { notifyPaired } from '$lib/server/displays/notify';
import { isPairingCode, normalizePairingCode } from '$lib/shared/pairing-code';
import type { Actions, PageServerLoad } from './$types';

const pairForm = z.object({
	code: z
		.string()
		.transform(normalizePairingCode)
		.refine(isPairingCode, 'Enter the 6 letters and digits shown on the display'),
	roomId: z.uuid('Choose a room')
});

type FieldErrors = Partial<Record<'code' | 'roomId', string[]>>;

export const load: PageServerLoad = async ({ locals, url }) => {
	const app = await getApp();
	const roomList = await app.db
		.select({ id: rooms.id, name: rooms.name })
		.from(rooms)
		.where(and(eq(rooms.clinicId, locals.user!.clinicId), isNull(rooms.archivedAt)))
		.orderBy(asc(rooms.name));
	// A scanned QR code opens this page with the code filled in.
	return {
		rooms: roomList,
		code: normalizePairingCode(url.searchParams.get('code') ?? '').slice(0, 6)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const form = Object.fromEntries(await request.formData());
		const values = {
			code: typeof form.code === 'string' ? form.code.slice(0, 20) : '',
			roomId: typeof form.roomId === 'string' ? form.roomId : ''
		};
		const parsed = pairForm.safeParse(form);
		if (!parsed.success) {
			const errors: FieldErrors = z.flattenError(parsed.error).fieldErrors;
			return fail(400, { values, errors, message: null });
		}
		const app = await getApp();
		const result = await app.pairing.pair({
			code: parsed.data.code,
			roomId: parsed.data.roomId,
			clinicId: locals.user!.clinicId,
			userId: locals.user!.id,
			address: getClientAddress()
		});
		if (!result.ok) {
			const errors: FieldErrors = {};
			return fail(result.retryAfterSeconds ? 429 : 400, { values, errors, message: result.error });
		}
		notifyPaired(parsed.data.code);
		app.log.info({ displayId: result.displayId, userId: locals.user!.id }, 'display paired');
		return { paired: result.roomName };
	}
};
