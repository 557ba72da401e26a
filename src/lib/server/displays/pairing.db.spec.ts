import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAIRING_ALPHABET, PAIRING_CODE_TTL_MS } from '../../shared/pairing-code';
import type { DatabaseHandle } from '../db/client';
import { displays, rateLimits, rooms, users } from '../db/schema';
import { FREE_WRONG_CODES, PairingService } from './pairing';
import { demoClinicDatabase, otherClinic } from '../testing/demo-clinic';

let database: DatabaseHandle;
let service: PairingService;
let clinicId: string;
let roomId: string;
let userId: string;

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase());
	const [room] = await database.db.select().from(rooms).where(eq(rooms.name, 'Gym A'));
	roomId = room!.id;
	const [user] = await database.db.select().from(users).limit(1);
	userId = user!.id;
	service = new PairingService(database.db);
});
afterAll(() => database.close());

const pair = (code: string, address = '10.0.0.1', at?: Date) =>
	service.pair({ code, roomId, clinicId, userId, address, now: at });

describe('display pairing', () => {
	it('issues 6-character codes without look-alike characters', async () => {
		for (let i = 0; i < 20; i++) {
			const { code, expiresAt } = await service.requestCode();
			expect(code).toMatch(/^[A-Z2-9]{6}$/);
			expect([...code].every((c) => PAIRING_ALPHABET.includes(c))).toBe(true);
			expect(code).not.toMatch(/[01OIL]/);
			expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(PAIRING_CODE_TTL_MS - 5000);
		}
	});

	it('pairs once: the display collects its token once, and the token identifies it', async () => {
		const { code, secret } = await service.requestCode();
		expect(await service.claim(code, secret)).toBeNull(); // nothing to collect before pairing
		const paired = await pair(code.toLowerCase().replace(/(...)/, '$1 '));
		expect(paired).toMatchObject({ ok: true, roomName: 'Gym A' });
		expect(await service.claim(code, 'wrong secret')).toBeNull();
		const token = await service.claim(code, secret);
		expect(token).toMatch(/^[\w-]{40,}$/);
		expect(await service.claim(code, secret)).toBeNull();
		expect(await service.identify(token!)).toMatchObject({ roomId, clinicId });
		// Single use: the same code cannot pair a second display.
		expect(await pair(code, '10.0.0.9')).toMatchObject({ ok: false });
	});

	it('refuses an expired code', async () => {
		const { code } = await service.requestCode();
		const later = new Date(Date.now() + PAIRING_CODE_TTL_MS + 1000);
		expect(await pair(code, '10.0.0.2', later)).toMatchObject({ ok: false });
	});

	it('slows an address after 5 wrong codes instead of locking it, and no other address', async () => {
		await database.db.delete(rateLimits);
		for (let i = 0; i < FREE_WRONG_CODES; i++) {
			expect(await pair('ZZZZZZ', '192.0.2.50')).toEqual({
				ok: false,
				problem: { code: 'pair.code-unknown' }
			});
		}
		const { code } = await service.requestCode();
		expect(await pair(code, '192.0.2.50')).toEqual({
			ok: false,
			problem: { code: 'pair.too-many-wrong', params: { seconds: 1 } },
			retryAfterSeconds: 1
		});
		// Another address is not affected …
		const other = await service.requestCode();
		expect(await pair(other.code, '192.0.2.51')).toMatchObject({ ok: true });
		// … and after the wait the right code works from the slowed address too.
		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect(await pair(code, '192.0.2.50')).toMatchObject({ ok: true });
	});

	it('looks at no more than 6 codes of 30 wrong ones sent at once', async () => {
		await database.db.delete(rateLimits);
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => pair(`ZZZZ${PAIRING_ALPHABET[i]}Z`, '192.0.2.60'))
		);
		const checked = results.filter((r) => !r.ok && !r.retryAfterSeconds);
		expect(checked.length).toBeGreaterThanOrEqual(1);
		expect(checked.length).toBeLessThanOrEqual(FREE_WRONG_CODES + 1);
	});

	it("only binds to the technician's own clinic's rooms", async () => {
		const { code } = await service.requestCode();
		const result = await service.pair({
			code,
			roomId,
			clinicId: await otherClinic(database.db),
			userId,
			address: '10.0.0.3'
		});
		expect(result).toEqual({ ok: false, problem: { code: 'pair.room-not-in-clinic' } });
	});

	it('revokes: the token stops working', async () => {
		const { code, secret } = await service.requestCode();
		const paired = await pair(code, '10.0.0.4');
		const token = (await service.claim(code, secret))!;
		const displayId = (paired as { displayId: string }).displayId;
		expect(await service.revoke(displayId, clinicId)).toBe(true);
		expect(await service.identify(token)).toBeNull();
		const [row] = await database.db.select().from(displays).where(eq(displays.id, displayId));
		expect(row!.revokedAt).not.toBeNull();
	});
});
