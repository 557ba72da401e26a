import { and, eq, isNull } from 'drizzle-orm';
import { runtime } from '../../../../server/registry.js';
import type { Database } from '../db/client';
import { displays } from '../db/schema';
import { displayDevice } from '../realtime/rooms';

/**
 * Flashes a display's name on its screen (a few seconds, the screen decides how long) so staff
 * can tell which TV is which. Only a paired display of the asker's clinic.
 */
export async function identifyDisplay(
	db: Database,
	clinicId: string,
	displayId: string
): Promise<{ ok: true; name: string } | { ok: false; error: string }> {
	const [display] = await db
		.select({ name: displays.name })
		.from(displays)
		.where(
			and(eq(displays.id, displayId), eq(displays.clinicId, clinicId), isNull(displays.revokedAt))
		);
	if (!display) return { ok: false, error: 'No such display in your clinic' };
	runtime()
		.io?.of('/display')
		.to(displayDevice(displayId))
		.emit('display:identify', { name: display.name });
	return { ok: true, name: display.name };
}
