import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../browser-test';
import { RULES, type Access, type ActionRule } from '../authorization-rules';
import { routeTree } from '../route-tree';
import {
	e2ePort,
	type RunningServer,
	signInCookie,
	startServer,
	untilListening
} from '../server-process';
import {
	OTHER_COORDINATOR,
	OTHER_PASSWORD,
	prepareTwoClinics,
	type ClinicIds
} from '../two-clinics';

// Its own production server (two clinics), beside the suite's demo one.
const PORT = e2ePort(10);

type Role = 'signed out' | 'technician' | 'therapist' | 'coordinator' | 'other clinic';

type Outcome = 'sign in' | 'forbidden' | 'not found' | 'allowed';

let server: RunningServer;
let ids: ClinicIds;
let otherCoordinatorId: string;
const cookies: Partial<Record<Role, string>> = {};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-matrix-'));
	({ ids, otherCoordinatorId } = await prepareTwoClinics(dataDir));
	// Info level: every change is logged with who made it, so a false success shows in the log.
	server = startServer(PORT, { DATA_DIR: dataDir, STEADY_SEED: 'none', LOG_LEVEL: 'info' });
	await untilListening(server);
	cookies.technician = await signInCookie(server.url, 'technician@example.org');
	cookies.therapist = await signInCookie(server.url, 'therapist@example.org');
	cookies.coordinator = await signInCookie(server.url, 'coordinator@example.org');
	cookies['other clinic'] = await signInWith(OTHER_COORDINATOR, OTHER_PASSWORD);
});

test.afterAll(async () => {
	server?.child.kill('SIGTERM');
	await server?.exited;
	fs.rmSync(server.dataDir, { recursive: true, force: true });
});

async function signInWith(email: string, password: string): Promise<string> {
	const response = await send('POST', '/sign-in', undefined, { email, password });
	const match = /steady_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
	if (!match) throw new Error(`sign-in as ${email} failed with ${response.status}`);
	return `steady_session=${match[1]}`;
}

/** One request as a browser's form would send it (same origin), without following redirects. */
function send(
	method: string,
	url: string,
	cookie: string | undefined,
	body?: Record<string, string> | { raw: string; type: string },
	accept = 'text/html'
) {
	const headers: Record<string, string> = { origin: server.url, accept };
	if (cookie) headers.cookie = cookie;
	let payload: string | undefined;
	if (body && 'raw' in body && 'type' in body && Object.keys(body).length === 2) {
		headers['content-type'] = body.type;
		payload = body.raw;
	} else if (method !== 'GET') {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams((body as Record<string, string>) ?? {}).toString();
	}
	return fetch(server.url + url, { method, headers, body: payload, redirect: 'manual' });
}

type Answer = { status: number; location: string };

/**
 * A form action posted as `use:enhance` posts it, and what the action itself answered. (Posted as
 * a plain form, the page is rendered after the action, and its load's 404 would hide an action
 * that claimed success on another clinic's row.)
 */
async function postAction(
	url: string,
	cookie: string | undefined,
	body: Record<string, string> | { raw: string; type: string }
): Promise<Answer> {
	const response = await send('POST', url, cookie, body, 'application/json');
	const text = await response.text();
	if ((response.headers.get('content-type') ?? '').includes('application/json')) {
		const result = JSON.parse(text) as { type?: string; status?: number; location?: string };
		if (result.type === 'success' || result.type === 'failure' || result.type === 'redirect') {
			return { status: result.status!, location: result.location ?? '' };
		}
	}
	return { status: response.status, location: response.headers.get('location') ?? '' };
}

async function answerOf(response: Response): Promise<Answer> {
	await response.arrayBuffer();
	return { status: response.status, location: response.headers.get('location') ?? '' };
}

/** What each role should meet on a route, given who may use it and whose row it names. */
function outcome(access: Access, role: Role, foreign: boolean): Outcome {
	if (access === 'public') return 'allowed';
	if (role === 'signed out') return 'sign in';
	if (access === 'coordinator' && (role === 'technician' || role === 'therapist')) {
		return 'forbidden';
	}
	if (role === 'other clinic' && foreign) return 'not found';
	return 'allowed';
}

function check(
	label: string,
	{ status, location }: Answer,
	want: Outcome,
	kind: 'GET' | 'POST',
	answers?: number[]
): string | null {
	const toSignIn = status === 303 && location.startsWith('/sign-in');
	const ok =
		want === 'sign in'
			? kind === 'GET'
				? toSignIn
				: status === 401
			: want === 'forbidden'
				? status === 403
				: want === 'not found'
					? status === 404
					: answers
						? answers.includes(status)
						: // Reached and answered: a page, a redirect onward, or the form's own refusal.
							!toSignIn && [200, 303, 400, 409].includes(status);
	return ok ? null : `${label}: wanted ${want}, got ${status}${location ? ` → ${location}` : ''}`;
}

test('every route, action and endpoint method on disk has a rule, and every rule a route', () => {
	const problems: string[] = [];
	const tree = routeTree();
	for (const node of tree) {
		const rule = RULES[node.id];
		if (!rule) {
			problems.push(`route ${node.id} has no rule in tests/authorization-rules.ts`);
			continue;
		}
		if (node.page && !rule.get) problems.push(`page ${node.id}: no rule for GET`);
		for (const action of node.actions) {
			if (!rule.actions?.[action]) problems.push(`action ${node.id} ?/${action} has no rule`);
		}
		for (const method of node.methods) {
			if (method === 'GET' ? !rule.get : !rule.methods?.[method]) {
				problems.push(`endpoint ${method} ${node.id} has no rule`);
			}
		}
		for (const action of Object.keys(rule.actions ?? {})) {
			if (!node.actions.includes(action)) problems.push(`rule for ${node.id} ?/${action}: gone`);
		}
	}
	for (const id of Object.keys(RULES)) {
		if (!tree.some((node) => node.id === id)) problems.push(`rule for ${id}: no such route`);
	}
	expect(problems, problems.join('\n')).toEqual([]);
});

/** What clinic A's coordinator sees of the rows the others try to change. */
async function clinicAView() {
	const page = async (url: string) => {
		const response = await send('GET', url, cookies.coordinator);
		expect(response.status, url).toBe(200);
		return response.text();
	};
	return {
		participantArchived: (await page(`/participants/${ids.participantId}`)).includes('(archived)'),
		exerciseArchived: /class="badge[^"]*">(<!---->)?Archived/.test(
			await page(`/exercises/${ids.exerciseId}`)
		),
		seriesActive: (await page('/schedule/series')).includes(ids.seriesId),
		displayPaired: (await page('/control/displays')).includes(ids.displayIds[0]),
		sessionChangeable: (await page(`/schedule/sessions/${ids.sessionId}/change`)).includes(
			'Cancel this session'
		)
	};
}

/** `only`: try just the routes and actions of that access (a therapist: the coordinator's). */
function matrixFor(role: Role, only?: Access) {
	test(`authorization matrix: ${role}${only ? ` (${only} routes)` : ''}`, async () => {
		test.setTimeout(120_000);
		const failures: string[] = [];
		let requests = 0;
		for (const [id, rule] of Object.entries(RULES)) {
			const url = rule.path(ids);
			const cookie = cookies[role];
			if (rule.get && (!only || rule.get === only)) {
				const answer = await answerOf(await send('GET', url, cookie));
				requests++;
				const want = outcome(rule.get, role, Boolean(rule.owned));
				failures.push(check(`GET ${url} (${id})`, answer, want, 'GET') ?? '');
			}
			const posts: [string, string, ActionRule, 'action' | 'endpoint'][] = [
				...Object.entries(rule.actions ?? {}).map(
					([name, action]): [string, string, ActionRule, 'action'] => [
						name === 'default' ? url : `${url}?/${name}`,
						`?/${name}`,
						action,
						'action'
					]
				),
				...Object.entries(rule.methods ?? {}).map(
					([method, action]): [string, string, ActionRule, 'endpoint'] => [
						url,
						method,
						action,
						'endpoint'
					]
				)
			];
			for (const [target, name, action, kind] of posts) {
				if (action.signedOutOnly && role !== 'signed out') continue;
				if (only && action.access !== only) continue;
				const body = action.body?.(ids, role) ?? {};
				const answer =
					kind === 'action'
						? await postAction(target, cookie, body)
						: await answerOf(await send('POST', target, cookie, body));
				requests++;
				const foreign = Boolean(rule.owned || action.foreignBody);
				const want = outcome(action.access, role, foreign);
				failures.push(
					check(`POST ${url} ${name} (${id})`, answer, want, 'POST', action.answers) ?? ''
				);
			}
		}
		const found = failures.filter(Boolean);
		console.log(`${role}: ${requests} requests, ${found.length} not as the rules say`);
		expect(found, found.join('\n')).toEqual([]);
	});
}

// Clinic A's own staff really change things (a technician may remove a display, a coordinator
// archive): the other clinic goes first, watched by a look at clinic A before and after.
matrixFor('signed out');
let before: Awaited<ReturnType<typeof clinicAView>>;
test("clinic A's rows as its coordinator sees them before the other clinic's turn", async () => {
	before = await clinicAView();
	expect(before).toEqual({
		participantArchived: false,
		exerciseArchived: false,
		seriesActive: true,
		displayPaired: true,
		sessionChangeable: true
	});
});
matrixFor('other clinic');
test('nothing the other clinic tried changed anything in clinic A, and nothing was logged as an error', async () => {
	expect(await clinicAView()).toEqual(before);
	const rowsOfA = Object.values(ids).flat();
	const falseChanges = server
		.output()
		.stdout.split('\n')
		.filter((line) => line.includes(otherCoordinatorId))
		.filter((line) => rowsOfA.some((id) => line.includes(id)));
	expect(falseChanges, 'changes logged for rows the other clinic never changed').toEqual([]);
	expect(server.output().stdout).not.toContain('"level":50');
});
matrixFor('technician');
// A therapist runs classes like a technician and never plans: refused exactly as a technician is.
matrixFor('therapist', 'coordinator');
matrixFor('coordinator');

// Issue 9, hole 7: malformed input is the client's mistake (4xx), never a 500 with an error logged.
const BAD_IDS = ['notauuid', '00000000-0000-0000-0000-00000000000g', "1' or '1'='1"];

test('a malformed id in any URL is a plain 404, for pages and their actions', async () => {
	const failures: string[] = [];
	let requests = 0;
	for (const node of routeTree()) {
		if (!/\[\w+=\w+\]/.test(node.id)) continue;
		const rule = RULES[node.id]!;
		for (const bad of BAD_IDS) {
			const badIds = Object.fromEntries(
				Object.keys(ids).map((key) => [key, encodeURIComponent(bad)])
			) as unknown as ClinicIds;
			const url = rule.path(badIds);
			const cookie = rule.get === 'public' ? undefined : cookies.coordinator;
			const targets = [
				['GET', url],
				...node.actions.map((name) => ['POST', name === 'default' ? url : `${url}?/${name}`])
			];
			for (const [method, target] of targets) {
				const { status } =
					method === 'POST'
						? await postAction(target!, cookie, {})
						: await answerOf(await send('GET', target!, cookie));
				requests++;
				if (status !== 404) failures.push(`${method} ${target}: ${status}`);
			}
		}
	}
	console.log(`${requests} requests with malformed ids`);
	expect(failures, failures.join('\n')).toEqual([]);
});

test('a malformed id inside a form is refused with 400', async () => {
	const cases: [string, Record<string, string>][] = [
		['/rooms?/archive', { id: 'x' }],
		['/rooms?/save', { id: 'x', name: 'Room', kind: 'gym', capacity: '4' }],
		['/routines?/archive', { id: 'x' }],
		['/routines?/restore', { id: 'x' }],
		[`/participants/${ids.participantId}?/enroll`, { seriesId: '-'.repeat(36) }],
		[`/participants/${ids.participantId}?/cancel`, { seriesId: 'x' }],
		[`/schedule/sessions/${ids.sessionId}?/enroll`, { participantId: 'x', scope: 'session' }],
		[`/schedule/sessions/${ids.sessionId}?/cancel`, { participantId: 'x', scope: 'session' }],
		[
			`/schedule/sessions/${ids.sessionId}/change?/move`,
			{ date: '2030-01-07', startTime: '10:00', roomId: 'x', reason: 'Pool closed' }
		],
		['/control/displays?/revoke', { displayId: 'x' }],
		['/control/pair', { code: 'ABC234', roomId: 'x' }]
	];
	const failures: string[] = [];
	for (const [target, body] of cases) {
		const { status } = await postAction(target, cookies.coordinator, body);
		if (status !== 400) failures.push(`POST ${target}: ${status}`);
	}
	expect(failures, failures.join('\n')).toEqual([]);
});

test('a body that is not the form it claims to be answers 400, never 500', async () => {
	const garbage = {
		raw: '--nope\r\nthis is not multipart',
		type: 'multipart/form-data; boundary=zzz'
	};
	const failures: string[] = [];
	for (const rule of Object.values(RULES)) {
		const url = rule.path(ids);
		for (const [name, action] of Object.entries(rule.actions ?? {})) {
			const target = name === 'default' ? url : `${url}?/${name}`;
			const cookie = action.access === 'public' ? undefined : cookies.coordinator;
			const { status } = await postAction(target, cookie, garbage);
			// Actions that read no form (archive, reset) just run, or find their row already gone
			// (clinic A's coordinator ended the series above); none may fail with a 500.
			if (![400, 200, 204, 303, 404, 409].includes(status)) {
				failures.push(`POST ${target}: ${status}`);
			}
		}
	}
	expect(failures, failures.join('\n')).toEqual([]);
	expect(server.output().stdout).not.toContain('"level":50');
});
