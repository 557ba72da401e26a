import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_NAME_MAX, suggestDisplayName } from '../../shared/displays';
import type { DatabaseHandle } from '../db/client';
import { displays, rooms, users } from '../db/schema';
import { renameDisplay, suggestedNames } from './names';
import { PairingService } from './pairing';
import { demoClinicDatabase, otherClinic } from '../testing/demo-clinic';

let database: DatabaseHandle;
let service: PairingService;
let clinicId: string;
let gym: { id: string; name: string };
let pool: { id: string; name: string };
let userId: string;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase());
	gym = (await database.db.select().from(rooms).where(eq(rooms.name, 'Gym A')))[0]!;
	pool = (await database.db.select().from(rooms).where(eq(rooms.name, 'Therapy Pool')))[0]!;
	const [user] = await database.db.select().from(users).limit(1);
	userId = user!.id;
	service = new PairingService(database.db);
});
afterAll(() => database.close());

async function pair(roomId: string, name?: string) {
	const { code } = await service.requestCode();
	return { code, result: await pairWith(code, roomId, name) };
}
const pairWith = (code: string, roomId: string, name?: string) =>
	service.pair({ code, roomId, clinicId, userId, address: '10.1.0.1', name });

const nameOf = async (id: string) =>
	(await database.db.select({ name: displays.name }).from(displays).where(eq(displays.id, id)))[0]!
		.name;

describe('display names', () => {
	it('suggests "<room> TV <n>" with the first number not taken, ignoring case', () => {
		expect(suggestDisplayName('Gym A', [])).toBe('Gym A TV 1');
		expect(suggestDisplayName('Gym A', ['gym a tv 1', 'Gym A TV 3'])).toBe('Gym A TV 2');
		// A long room name is cut so the suggestion is still a valid name.
		expect(suggestDisplayName('R'.repeat(60), []).length).toBeLessThanOrEqual(DISPLAY_NAME_MAX);
	});

	it('a display paired without a name gets the suggestion; the next one the next number', async () => {
		const first = await pair(gym.id);
		const second = await pair(gym.id);
		expect(first.result).toMatchObject({ ok: true, name: 'Gym A TV 1' });
		expect(second.result).toMatchObject({ ok: true, name: 'Gym A TV 2' });
		const suggestions = await suggestedNames(database.db, [gym, pool]);
		expect(suggestions.get(gym.id)).toBe('Gym A TV 3');
		expect(suggestions.get(pool.id)).toBe('Therapy Pool TV 1');
	});

	it('takes a typed name, tidied; refuses one the room already has, and the code still works', async () => {
		const named = await pair(gym.id, '  Gym A   left TV ');
		expect(named.result).toMatchObject({ ok: true, name: 'Gym A left TV' });
		const clash = await pair(gym.id, 'GYM A LEFT TV');
		expect(clash.result).toEqual({
			ok: false,
			problem: { code: 'displays.name-taken', params: { room: 'Gym A', name: 'GYM A LEFT TV' } },
			field: 'name'
		});
		// Another room may use it; and the refused code pairs once the name is changed.
		expect((await pair(pool.id, 'Gym A left TV')).result).toMatchObject({ ok: true });
		expect(await pairWith(clash.code, gym.id, 'Gym A right TV')).toMatchObject({
			ok: true,
			name: 'Gym A right TV'
		});
	});

	it('refuses names that are too long or cannot be shown, pairing nothing', async () => {
		const before = await database.db.select().from(displays);
		for (const [name, problem] of [
			[
				'x'.repeat(DISPLAY_NAME_MAX + 1),
				{ code: 'field.too-long', params: { max: DISPLAY_NAME_MAX } }
			],
			['TV\u0000one', { code: 'displays.name-unshowable' }]
		] as const) {
			expect((await pair(gym.id, name)).result).toEqual({ ok: false, problem, field: 'name' });
		}
		expect(await database.db.select().from(displays)).toEqual(before);
	});

	it('renames within the rules; a removed display frees its name', async () => {
		const a = (await pair(pool.id, 'Deep end')).result as { displayId: string };
		const b = (await pair(pool.id, 'Shallow end')).result as { displayId: string };
		expect(await renameDisplay(database.db, clinicId, a.displayId, 'Shallow end')).toEqual({
			ok: false,
			problem: {
				code: 'displays.name-taken',
				params: { room: 'Therapy Pool', name: 'Shallow end' }
			}
		});
		expect(await renameDisplay(database.db, clinicId, a.displayId, '   ')).toMatchObject({
			ok: false
		});
		expect(await nameOf(a.displayId)).toBe('Deep end');
		// Its own name again (another case) is fine.
		expect(await renameDisplay(database.db, clinicId, a.displayId, 'DEEP END')).toEqual({
			ok: true,
			name: 'DEEP END'
		});
		await service.revoke(b.displayId, clinicId);
		expect(await renameDisplay(database.db, clinicId, a.displayId, 'Shallow end')).toEqual({
			ok: true,
			name: 'Shallow end'
		});
	});

	it("never renames another clinic's display, or a removed one", async () => {
		const otherId = await otherClinic(database.db);
		const mine = (await pair(gym.id, 'Corner TV')).result as { displayId: string };
		expect(await renameDisplay(database.db, otherId, mine.displayId, 'Mine now')).toMatchObject({
			ok: false,
			notFound: true
		});
		await service.revoke(mine.displayId, clinicId);
		expect(await renameDisplay(database.db, clinicId, mine.displayId, 'Back')).toMatchObject({
			ok: false,
			notFound: true
		});
		expect(await nameOf(mine.displayId)).toBe('Corner TV');
	});
});
