import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { displays } from '../db/schema';
import { refuse, type Refusal } from '../../shared/refusals';
import { displaysOf, type SteadyIo } from '../realtime/io-types';
import { displayDevice } from '../realtime/rooms';

/**
 * Flashes a display's name on its screen (a few seconds, the screen decides how long) so staff
 * can tell which TV is which. Only a paired display of the asker's clinic.
 */
export async function identifyDisplay(
	db: Database,
	io: SteadyIo,
	clinicId: string,
	displayId: string
): Promise<{ ok: true; name: string } | Refusal> {
	const [display] = await db
		.select({ name: displays.name })
		.from(displays)
		.where(
			and(eq(displays.id, displayId), eq(displays.clinicId, clinicId), isNull(displays.revokedAt))
		);
	if (!display) return refuse('display-not-found');
	displaysOf(io).to(displayDevice(displayId)).emit('display:show-name', { name: display.name });
	return { ok: true, name: display.name };
}
