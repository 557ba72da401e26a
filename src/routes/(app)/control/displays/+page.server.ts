import { fail } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { readForm } from '$lib/server/http/form-data';
import { clinics, displays, rooms, users } from '$lib/server/db/schema';
import { identifyDisplay } from '$lib/server/displays/identify';
import { renameDisplay } from '$lib/server/displays/names';
import { notifyRevoked, roomChanged } from '$lib/server/displays/notify';
import { connectedDisplayIds } from '$lib/server/realtime/broadcast';
import { takeEventPoint } from '$lib/server/realtime/event-limits';
import { lastSeenText } from '$lib/shared/displays';
import { refusalText } from '$lib/shared/refusals';
import { formatDateTime } from '$lib/shared/time-zone';
import type { Actions, PageServerLoad } from './$types';

const chosen = z.object({ displayId: z.uuid() });

export const load: PageServerLoad = async ({ locals }) => {
	const { app } = locals;
	const clinicId = locals.user!.clinicId;
	const [clinic] = await app.db
		.select({ timeZone: clinics.timeZone })
		.from(clinics)
		.where(eq(clinics.id, clinicId));
	const list = await app.db
		.select({
			id: displays.id,
			name: displays.name,
			roomName: rooms.name,
			controls: rooms.displayControls,
			pairedBy: users.name,
			pairedAt: displays.pairedAt,
			lastSeenAt: displays.lastSeenAt
		})
		.from(displays)
		.innerJoin(rooms, eq(rooms.id, displays.roomId))
		.leftJoin(users, eq(users.id, displays.pairedBy))
		.where(and(eq(displays.clinicId, clinicId), isNull(displays.revokedAt)))
		.orderBy(asc(rooms.name), asc(displays.name), asc(displays.pairedAt));
	const online = await connectedDisplayIds(
		app.io,
		list.map((d) => d.id)
	);
	const timeZone = clinic?.timeZone ?? 'UTC';
	const now = new Date();
	return {
		displays: list.map(({ pairedAt, lastSeenAt, ...display }) => ({
			...display,
			online: online.has(display.id),
			pairedAt: formatDateTime(pairedAt, timeZone),
			lastSeen: lastSeenText(lastSeenAt, now, timeZone)
		}))
	};
};

export const actions: Actions = {
	revoke: async ({ request, locals }) => {
		const parsed = chosen.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return fail(400, { message: 'Choose a display to remove' });
		const { app } = locals;
		const [display] = await app.db
			.select({ roomId: displays.roomId })
			.from(displays)
			.where(eq(displays.id, parsed.data.displayId));
		const removed = await app.pairing.revoke(parsed.data.displayId, locals.user!.clinicId);
		if (!removed) return fail(404, { message: 'That display is not paired in your clinic' });
		notifyRevoked(app.io, parsed.data.displayId);
		// Phones in a class in its room stop listing it.
		if (display) await roomChanged(app, display.roomId);
		app.log.info({ displayId: parsed.data.displayId, userId: locals.user!.id }, 'display removed');
		return { removed: true };
	},

	rename: async ({ request, locals }) => {
		const form = Object.fromEntries(await readForm(request));
		const parsed = chosen.extend({ name: z.string().max(200) }).safeParse(form);
		if (!parsed.success) return fail(400, { message: 'Choose a display and give it a name' });
		const { displayId, name } = parsed.data;
		const { app } = locals;
		const result = await renameDisplay(app.db, locals.user!.clinicId, displayId, name);
		if (!result.ok) {
			const status = 'notFound' in result ? 404 : 400;
			return fail(status, { message: null, renameError: { displayId, name, error: result.error } });
		}
		// The display's own screen shows its name (Identify): it gets the new one.
		const [row] = await app.db
			.select({ roomId: displays.roomId })
			.from(displays)
			.where(eq(displays.id, displayId));
		if (row) await roomChanged(app, row.roomId);
		app.log.info({ displayId, userId: locals.user!.id }, 'display renamed');
		return { renamed: result.name };
	},

	identify: async ({ request, locals }) => {
		const parsed = chosen.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return fail(400, { message: 'Choose a display to identify' });
		const user = locals.user!;
		// The same budget as the phones' socket event: a page is one more "socket" of the person.
		const limited = await takeEventPoint('staff', 'display:identify', {
			socket: `page:${user.id}`,
			person: user.id
		});
		if (limited) return fail(429, { message: refusalText(limited) });
		const { app } = locals;
		const result = await identifyDisplay(app.db, app.io, user.clinicId, parsed.data.displayId);
		if (!result.ok) return fail(404, { message: 'That display is not paired in your clinic' });
		return { identified: result.name };
	}
};
