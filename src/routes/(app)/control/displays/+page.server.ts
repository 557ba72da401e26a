import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { signedIn } from '$lib/server/auth/guard';
import { readForm } from '$lib/server/http/form-data';
import { refuse, refuseForm } from '$lib/server/http/refuse';
import { clinics, displays, rooms, users } from '$lib/server/db/schema';
import { identifyDisplay } from '$lib/server/displays/identify';
import { renameDisplay } from '$lib/server/displays/names';
import { notifyRevoked, roomChanged } from '$lib/server/displays/notify';
import { connectedDisplayIds } from '$lib/server/realtime/broadcast';
import { takeEventPoint } from '$lib/server/realtime/event-limits';
import type { Actions, PageServerLoad } from './$types';

const chosen = z.object({ displayId: z.uuid() });

export const load: PageServerLoad = async ({ locals }) => {
	const { app } = locals;
	const { clinicId } = signedIn(locals);
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
	return {
		// Times are shown in the clinic's zone, in the reader's language.
		timeZone: clinic?.timeZone ?? 'UTC',
		displays: list.map(({ pairedAt, lastSeenAt, ...display }) => ({
			...display,
			online: online.has(display.id),
			pairedAt: pairedAt.toISOString(),
			lastSeenAt: lastSeenAt?.toISOString() ?? null
		}))
	};
};

export const actions: Actions = {
	revoke: async ({ request, locals }) => {
		const parsed = chosen.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return refuseForm(400, 'displays.choose-remove');
		const user = signedIn(locals);
		const { app } = locals;
		const [display] = await app.db
			.select({ roomId: displays.roomId })
			.from(displays)
			.where(eq(displays.id, parsed.data.displayId));
		const removed = await app.pairing.revoke(parsed.data.displayId, user.clinicId);
		if (!removed) return refuseForm(404, 'displays.not-in-clinic');
		notifyRevoked(app.io, parsed.data.displayId);
		// Phones in a class in its room stop listing it.
		if (display) await roomChanged(app, display.roomId);
		app.log.info({ displayId: parsed.data.displayId, userId: user.id }, 'display removed');
		return { removed: true };
	},

	rename: async ({ request, locals }) => {
		const form = Object.fromEntries(await readForm(request));
		const parsed = chosen.extend({ name: z.string().max(200) }).safeParse(form);
		if (!parsed.success) return refuseForm(400, 'displays.choose-rename');
		const { displayId, name } = parsed.data;
		const { app } = locals;
		const user = signedIn(locals);
		const result = await renameDisplay(app.db, user.clinicId, displayId, name);
		if (!result.ok) {
			// The name's problem shows beside the card's own name field.
			return refuse(
				'notFound' in result ? 404 : 400,
				{ name: result.problem },
				{ displayId, name }
			);
		}
		// The display's own screen shows its name (Identify): it gets the new one.
		const [row] = await app.db
			.select({ roomId: displays.roomId })
			.from(displays)
			.where(eq(displays.id, displayId));
		if (row) await roomChanged(app, row.roomId);
		app.log.info({ displayId, userId: user.id }, 'display renamed');
		return { renamed: result.name };
	},

	identify: async ({ request, locals }) => {
		const parsed = chosen.safeParse(Object.fromEntries(await readForm(request)));
		if (!parsed.success) return refuseForm(400, 'displays.choose-identify');
		const user = signedIn(locals);
		// The same budget as the phones' socket event: a page is one more "socket" of the person.
		const limited = await takeEventPoint('staff', 'display:identify', {
			socket: `page:${user.id}`,
			person: user.id
		});
		if (limited) return refuseForm(429, `refusal.${limited.code}`, limited.params);
		const { app } = locals;
		const result = await identifyDisplay(app.db, app.io, user.clinicId, parsed.data.displayId);
		if (!result.ok) return refuseForm(404, 'displays.not-in-clinic');
		return { identified: result.name };
	}
};
