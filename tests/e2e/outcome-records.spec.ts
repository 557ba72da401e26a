import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { io } from 'socket.io-client';
import type { EntryPayload } from '../../src/lib/shared/entries';
import { expect, test } from '../browser-test';
import { phoneInClass, shotsDir, TECHNICIAN } from '../helpers';
import { ownDemoServer } from '../own-demo-server';

// Its own demo clinic: it ends a class, which the suite's shared server must not see.
const server = ownDemoServer(50);
const SHOTS = shotsDir('records');

test.describe.configure({ timeout: 180_000 });

test("outcome tests recorded after a class are in the participant's note, judged, with who tested", async ({
	browser
}) => {
	mkdirSync(SHOTS, { recursive: true });
	const lead = await phoneInClass(browser, TECHNICIAN, 'Gym A', {
		baseUrl: server.url,
		classLink: /Balance/
	});
	const sessionId = /\/control\/([0-9a-f-]{36})/.exec(lead.url())![1]!;
	const rows = lead.getByTestId('roster-row');
	await rows.nth(0).getByRole('button', { name: 'Present' }).click();
	await rows.nth(1).getByRole('button', { name: 'Present' }).click();
	await lead.getByRole('button', { name: 'Start' }).click();
	await expect(lead.getByRole('button', { name: 'Pause' })).toBeVisible();
	await lead.waitForTimeout(6_000);
	await lead.getByRole('button', { name: 'End class…' }).first().click();
	await lead.getByRole('button', { name: 'Yes, end class' }).click();
	await expect(lead.getByTestId('phone-now')).toContainText('Class complete');
	await lead.getByRole('link', { name: 'Review notes' }).click();
	await expect(lead.getByRole('heading', { name: 'Class notes', level: 1 })).toBeVisible();
	await expect(lead.getByRole('heading', { name: 'Outcome tests', level: 3 })).toBeVisible();
	await expect(lead.getByText('No outcome tests in this class.')).toBeVisible();
	const participantId = /[?&]p=([0-9a-f-]{36})/.exec(
		(await lead.locator('a[href*="?p="]').first().getAttribute('href'))!
	)![1]!;

	// Tests recorded in the documentation window, sent as the phone sends entries (the phone's
	// outcome test form is another part's): the lead's own session, over the socket.
	const cookie = (await lead.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie } });
	const send = async (payload: EntryPayload) => {
		const ack = await socket.timeout(5000).emitWithAck('entry:record', {
			id: randomUUID(),
			sessionId,
			participantId,
			recordedAt: Date.now(),
			deviceId: 'e2e-outcomes',
			payload
		});
		expect(ack).toMatchObject({ ok: true });
	};
	await send({
		kind: 'outcome_test',
		result: { test: 'tug', seconds: 13.5, device: 'walker' },
		note: 'Turned slowly'
	});
	await send({
		kind: 'outcome_test',
		result: { test: 'four_stage_balance', stage: 4, seconds: 10 }
	});
	await send({
		kind: 'outcome_test',
		result: { test: 'chair_stand_30s', count: 11, armsUsed: false }
	});
	socket.close();

	await lead.goto(`${server.url}/records/${sessionId}?p=${participantId}`);
	const section = lead.locator('section[aria-labelledby="facts-outcomes"]');
	await expect(section.getByRole('listitem')).toHaveCount(3);
	await expect(section).toContainText('Timed Up and Go: 13.5 s with Walker');
	await expect(section).toContainText('Fall risk (12 s or more)');
	await expect(section).toContainText('Note: Turned slowly');
	await expect(section).toContainText('4-stage balance: Single leg, held 10 s');
	await expect(section).toContainText('Tandem held 10 s');
	// The demo's participants have their sex recorded: the chair stand is judged for age and sex.
	await expect(section).toContainText('30-second chair stand: 11 stands');
	await expect(section).toContainText(/Average or better \(cut-off \d+\)|Below average/);
	await expect(section.getByText(/^Tested by Jordan Lee/).first()).toBeVisible();
	await section.scrollIntoViewIfNeeded();
	await lead.screenshot({ path: `${SHOTS}/note-outcome-tests.png`, fullPage: true });
});
