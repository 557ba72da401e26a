import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { problemsOf } from '$lib/i18n/problem';
import { signedIn } from '$lib/server/auth/guard';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { rooms } from '$lib/server/db/schema';
import { suggestedNames } from '$lib/server/displays/names';
import { notifyPaired, roomChanged } from '$lib/server/displays/notify';
import { isPairingCode, normalizePairingCode } from '$lib/shared/pairing-code';
import type { Actions, PageServerLoad } from './$types';

const pairForm = z.object({
	code: z.string().transform(normalizePairingCode).refine(isPairingCode, 'pair.code-invalid'),
	roomId: z.uuid('pair.choose-room'),
	// Checked (and made unique in the room) by the pairing service; blank takes the suggestion.
	name: z.string().optional()
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const { app } = locals;
	const user = signedIn(locals);
	const roomList = await app.db
		.select({ id: rooms.id, name: rooms.name })
		.from(rooms)
		.where(and(eq(rooms.clinicId, user.clinicId), isNull(rooms.archivedAt)))
		.orderBy(asc(rooms.name));
	const suggestions = await suggestedNames(app.db, roomList);
	// The address a TV opens: the one the server is known by (ORIGIN), else the one this phone used.
	const origin = app.config.origin ? new URL(app.config.origin).origin : url.origin;
	// A scanned QR code opens this page with the code filled in.
	return {
		rooms: roomList.map((room) => ({ ...room, suggestedName: suggestions.get(room.id)! })),
		code: normalizePairingCode(url.searchParams.get('code') ?? '').slice(0, 6),
		displayUrl: `${origin}/display`
	};
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const form = Object.fromEntries(await readForm(request));
		const values = {
			code: typeof form.code === 'string' ? form.code.slice(0, 20) : '',
			roomId: typeof form.roomId === 'string' ? form.roomId : '',
			name: typeof form.name === 'string' ? form.name.slice(0, 200) : ''
		};
		const parsed = pairForm.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const { app } = locals;
		const user = signedIn(locals);
		const result = await app.pairing.pair({
			code: parsed.data.code,
			roomId: parsed.data.roomId,
			clinicId: user.clinicId,
			userId: user.id,
			address: getClientAddress(),
			name: parsed.data.name
		});
		if (!result.ok) {
			const status = result.retryAfterSeconds ? 429 : 400;
			return refuse(status, { [result.field ?? 'form']: result.problem }, values);
		}
		notifyPaired(app.io, parsed.data.code);
		// Phones in a class in that room list the new display.
		await roomChanged(app, parsed.data.roomId);
		app.log.info({ displayId: result.displayId, userId: user.id }, 'display paired');
		return { paired: result.roomName, name: result.name };
	}
};
