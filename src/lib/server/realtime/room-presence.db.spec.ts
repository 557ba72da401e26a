import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Presence } from '../../shared/live';
import { moveClassTo } from '../db/test-database';
import { connected, startTestServer, type TestServer } from './test-server';

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer();
});
afterAll(() => server.close());

/**
 * Clinic A's class moved to start at `startsAt`, its technician's phone in it and listening for
 * presence updates, then its room's display saying hello.
 */
async function phoneAndDisplayInClass(startsAt: number) {
	const { sessionId, technicianId, displayToken } = server.clinic;
	await moveClassTo(server.database.db, sessionId, startsAt);
	const phone = await connected(server.staff(await server.cookieFor(technicianId)));
	expect(await phone.timeout(5000).emitWithAck('class:join', { sessionId })).toMatchObject({
		ok: true
	});
	const heard: Presence[] = [];
	phone.on('class:presence', (presence: Presence) => heard.push(presence));

	const display = await connected(server.display(displayToken));
	expect(await display.timeout(5000).emitWithAck('display:hello', {})).toMatchObject({ ok: true });
	return { phone, heard, display };
}

// The pool start checklist waits for this update. It once reached only classes starting within
// 12 hours of now, so a 9:30 class's phones never heard of a display turned on after 21:30.
it('tells the phones of a class that started 13 hours ago when a display comes online in its room', async () => {
	const { phone, heard, display } = await phoneAndDisplayInClass(Date.now() - 13 * 60 * 60_000);
	await expect.poll(() => heard.at(-1)?.displays ?? 0, { timeout: 5000 }).toBe(1);
	display.disconnect();
	phone.disconnect();
});

// The wall cannot speak the class's language: its phones hear which display, the language and
// a no, and nothing else about the screen.
it('tells the phones which display has no voice for the language it shows', async () => {
	const { phone, heard, display } = await phoneAndDisplayInClass(Date.now());
	expect(
		await display.timeout(5000).emitWithAck('display:voice', { locale: 'es', hasVoice: false })
	).toEqual({ ok: true });
	await expect
		.poll(() => heard.at(-1)?.voices, { timeout: 5000 })
		.toEqual([{ displayId: server.clinic.displayId, locale: 'es', hasVoice: false }]);
	// Anything more than a known language and a yes or no is refused.
	expect(
		await display.timeout(5000).emitWithAck('display:voice', { locale: 'fr', hasVoice: false })
	).toMatchObject({ ok: false, code: 'invalid-payload' });
	display.disconnect();
	phone.disconnect();
});
