import net from 'node:net';
import http from 'node:http';
import { expect, test, type APIRequestContext, type Page } from '../browser-test';
import { io } from 'socket.io-client';
import { COORDINATOR, TECHNICIAN, sessionCookie, signIn } from '../helpers';

// The HTTP edge of the suite's production server: redirects, headers, body sizes, origins.

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The first link on a page that matches `/<section>/<uuid>`, as a signed-in user sees it. */
async function firstLink(request: APIRequestContext, cookie: string, section: string) {
	const html = await (await request.get(`/${section}`, { headers: { cookie } })).text();
	// SvelteKit writes links relative to the page: ./participants/<id>.
	const match = new RegExp(`href="[./]*${section}/(${UUID})"`).exec(html);
	expect(match, `a link to one of ${section}`).not.toBeNull();
	return `/${section}/${match![1]}`;
}

test.describe('after signing in, ?next= stays on this site', () => {
	const attack = '/sign-in?next=%2F%09%2Fevil.example';

	test('signing in from a crafted link lands on the app, not on another host', async ({
		page,
		baseURL
	}) => {
		await page.goto(attack);
		await page.getByLabel('Email').fill(TECHNICIAN);
		await page.getByLabel('Password').fill('steady-demo');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByText('Jordan Lee (technician)')).toBeVisible();
		expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

		// Signed in already, the same link sends the browser home too.
		await page.goto(attack);
		await expect(page.getByText('Jordan Lee (technician)')).toBeVisible();
		expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
	});

	test('a newline or tab in next is refused, never a 500', async ({ request, baseURL }) => {
		const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
		for (const next of ['%2F%0A%2Fevil.example', '%2F%09%2Fevil.example', '%2F%5Cevil.example']) {
			const response = await request.get(`/sign-in?next=${next}`, {
				headers: { cookie },
				maxRedirects: 0
			});
			expect(response.status(), next).toBe(303);
			expect(response.headers()['location'], next).toBe('/');
		}
		const kept = await request.get('/sign-in?next=%2Fschedule%3Fweek%3D1', {
			headers: { cookie },
			maxRedirects: 0
		});
		expect(kept.headers()['location']).toBe('/schedule?week=1');
	});
});

test.describe('security headers', () => {
	test('pages with names on them are never cached, and every page has a CSP', async ({
		request,
		baseURL
	}) => {
		const coordinator = await sessionCookie(request, baseURL!, COORDINATOR);
		const participant = await firstLink(request, coordinator, 'participants');
		const control = await firstLink(request, coordinator, 'control');
		for (const path of [participant, control, '/']) {
			const response = await request.get(path, { headers: { cookie: coordinator } });
			expect(response.status(), path).toBe(200);
			const headers = response.headers();
			expect(headers['cache-control'], path).toBe('private, no-store');
			expect(headers['content-security-policy'], path).toMatch(
				/script-src 'self' 'nonce-[^']+'.*frame-ancestors 'none'/
			);
			expect(headers['x-frame-options'], path).toBe('DENY');
		}
		// The data request behind a client-side navigation carries the same names.
		const data = await request.get(`${participant}/__data.json`, {
			headers: { cookie: coordinator }
		});
		expect(data.headers()['cache-control']).toBe('private, no-store');

		for (const path of ['/sign-in', '/display']) {
			const headers = (await request.get(path)).headers();
			const csp = headers['content-security-policy'] ?? '';
			expect(csp, path).toContain("default-src 'self'");
			expect(csp, path).toMatch(/script-src 'self' 'nonce-/);
			expect(csp, path).toContain("object-src 'none'");
			expect(csp, path).toContain(`connect-src 'self' ws://${new URL(baseURL!).host}`);
			expect(headers['permissions-policy'], path).toContain('camera=()');
			expect(headers['permissions-policy'], path).toContain('screen-wake-lock=(self)');
			expect(headers['permissions-policy'], path).toContain('fullscreen=(self)');
			// Plain http: no HSTS (it would pin TLS on a host that does not serve it).
			expect(headers['strict-transport-security'], path).toBeUndefined();
		}

		// The routine builder frames its preview: that one page may be framed, by this site only.
		const preview = await request.get('/routine-preview', { headers: { cookie: coordinator } });
		expect(preview.headers()['x-frame-options']).toBe('SAMEORIGIN');
		expect(preview.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
	});

	/** Fails the test on any CSP report in the page or its frames. */
	function watchForViolations(page: Page): string[] {
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
				violations.push(message.text());
			}
		});
		page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
		return violations;
	}

	test('the sign-in page, display, controller and routine preview run under the CSP', async ({
		browser,
		request,
		baseURL
	}) => {
		const display = await browser.newPage();
		const displayViolations = watchForViolations(display);
		await display.goto('/display');
		await expect(display.getByText(/scan the code/)).toBeVisible();
		await expect(display.locator('.qr svg')).toBeVisible();
		await display.close();

		const phone = await browser.newPage();
		const phoneViolations = watchForViolations(phone);
		await phone.goto('/sign-in');
		await signIn(phone, TECHNICIAN);
		const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
		await phone.goto(await firstLink(request, cookie, 'control'));
		await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
		// The controller's socket is up (a wrong connect-src would keep it down).
		await expect(phone.getByText('Connected', { exact: true })).toBeVisible();
		await phone.close();

		const builder = await browser.newPage();
		const builderViolations = watchForViolations(builder);
		await signIn(builder, COORDINATOR);
		const coordinator = await sessionCookie(request, baseURL!, COORDINATOR);
		await builder.goto(await firstLink(request, coordinator, 'routines'));
		const frame = builder.frameLocator('iframe[title="Simulated wall display"]');
		await builder.getByRole('button', { name: 'Play' }).click();
		await expect(builder.getByTestId('preview-now')).toContainText('Block 1');
		// The running screen draws its progress bar with a style attribute.
		await expect(frame.locator('.class-progress span')).toHaveAttribute('style', /width/);
		await builder.waitForTimeout(1500);
		await builder.close();

		expect(displayViolations).toEqual([]);
		expect(phoneViolations).toEqual([]);
		expect(builderViolations).toEqual([]);
	});
});

/**
 * Sends a POST's head and only its first kilobyte, then waits for the answer's head: a server
 * that waits for the whole body never answers. Returns the status line and headers.
 */
async function postHeadOnly(
	baseURL: string,
	path: string,
	headers: Record<string, string>,
	length: number
): Promise<string> {
	const { hostname, port, host, origin } = new URL(baseURL);
	const socket = net.connect(Number(port), hostname);
	await new Promise((resolve) => socket.once('connect', resolve));
	const head = Object.entries({ host, origin, ...headers, 'content-length': String(length) })
		.map(([name, value]) => `${name}: ${value}`)
		.join('\r\n');
	socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n\r\n` + 'x'.repeat(1024));
	return new Promise<string>((resolve, reject) => {
		let received = '';
		socket.on('data', (chunk) => {
			received += chunk.toString('latin1');
			if (received.includes('\r\n\r\n')) resolve(received.split('\r\n\r\n')[0]!);
		});
		setTimeout(() => reject(new Error('no answer within 3 s')), 3000);
	}).finally(() => socket.destroy());
}

test.describe('request bodies', () => {
	test('1 MB to /sign-in, signed out, is refused before the body is sent', async ({ baseURL }) => {
		const started = Date.now();
		const head = await postHeadOnly(
			baseURL!,
			'/sign-in',
			{ 'content-type': 'application/x-www-form-urlencoded' },
			1024 * 1024
		);
		expect(head).toMatch(/^HTTP\/1.1 413 /);
		expect(head.toLowerCase()).toContain('connection: close');
		expect(Date.now() - started).toBeLessThan(3000);
	});

	test('a body without a length is counted as it comes, and refused past 512 KB', async ({
		baseURL
	}) => {
		const post = (size: number) =>
			new Promise<number>((resolve, reject) => {
				const request = http.request(`${baseURL}/sign-in`, {
					method: 'POST',
					headers: {
						origin: new URL(baseURL!).origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded',
						'transfer-encoding': 'chunked'
					}
				});
				request.on('response', (response) => {
					response.resume();
					resolve(response.statusCode ?? 0);
				});
				// The server may close once it has said no; that is the point.
				request.on('error', (error) => reject(error));
				const body = Buffer.from(`email=x&password=${'p'.repeat(size)}`);
				for (let at = 0; at < body.length; at += 16 * 1024) {
					request.write(body.subarray(at, at + 16 * 1024));
				}
				request.end();
			});
		expect(await post(1024 * 1024)).toBe(413);
		// A small one still reaches the sign-in form (which says the password is wrong).
		expect(await post(100)).toBe(400);
	});

	test('4 MB: a coordinator uploads it; a technician is refused before sending', async ({
		page,
		request,
		baseURL
	}) => {
		const png = Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
			'base64'
		);
		const big = Buffer.concat([png, Buffer.alloc(4 * 1024 * 1024 - png.length)]);

		await signIn(page, COORDINATOR);
		await page.goto('/exercises/new');
		await page.getByLabel('Name', { exact: true }).fill('Large picture (e2e edge)');
		await page.getByLabel(/^Display cue shown on the wall/).fill('Stand tall.');
		await page
			.getByLabel(/^Upload/)
			.setInputFiles({ name: 'large.png', mimeType: 'image/png', buffer: big });
		await page.getByRole('button', { name: 'Create exercise' }).click();
		await expect(page.getByRole('status')).toHaveText('Exercise created.');

		// A technician may not upload: the same 4 MB is refused before it is sent.
		const technician = await sessionCookie(request, baseURL!, TECHNICIAN);
		const refused = await postHeadOnly(
			baseURL!,
			'/exercises/new?/save',
			{
				cookie: technician,
				'content-type': 'multipart/form-data; boundary=x',
				accept: 'text/html'
			},
			big.length + 1000
		);
		expect(refused).toMatch(/^HTTP\/1.1 413 /);
	});
});

test.describe('origins', () => {
	test('a cross-site sign-out is refused whatever its content type', async ({
		request,
		baseURL
	}) => {
		const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
		for (const [type, data] of [
			['application/json', '{}'],
			['text/plain', 'x']
		] as const) {
			const response = await request.post('/sign-out', {
				headers: { cookie, origin: 'http://evil.example', 'content-type': type },
				data,
				maxRedirects: 0
			});
			expect(response.status(), type).toBe(403);
		}
		// Still signed in.
		const home = await request.get('/', { headers: { cookie }, maxRedirects: 0 });
		expect(home.status()).toBe(200);

		const signOut = await request.post('/sign-out', {
			headers: { cookie, origin: new URL(baseURL!).origin },
			maxRedirects: 0
		});
		expect(signOut.status()).toBe(303);
		const after = await request.get('/', { headers: { cookie }, maxRedirects: 0 });
		expect(after.status()).toBe(303);
	});

	test('a cross-site form post to an action is refused and changes nothing', async ({
		request,
		baseURL
	}) => {
		const cookie = await sessionCookie(request, baseURL!, COORDINATOR);
		const before = await (await request.get('/rooms', { headers: { cookie } })).text();
		const response = await request.post('/rooms?/save', {
			headers: { cookie, origin: 'http://evil.example' },
			form: { name: 'Cross-site room', kind: 'gym', capacity: '8' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
		const after = await (await request.get('/rooms', { headers: { cookie } })).text();
		expect(after).not.toContain('Cross-site room');
		expect(before).not.toContain('Cross-site room');
	});

	test('a socket whose Origin has the wrong scheme is refused', async ({ request, baseURL }) => {
		const cookie = await sessionCookie(request, baseURL!, TECHNICIAN);
		const host = new URL(baseURL!).host;
		const attempt = (origin: string) =>
			new Promise<string>((resolve) => {
				const socket = io(baseURL!, {
					transports: ['websocket'],
					extraHeaders: { cookie, origin },
					reconnection: false,
					forceNew: true
				});
				socket.once('connect', () => {
					socket.close();
					resolve('connected');
				});
				socket.once('connect_error', (error) => {
					socket.close();
					resolve(`refused: ${error.message}`);
				});
			});
		expect(await attempt(`http://${host}`)).toBe('connected');
		// Same host and port, but https: a page served elsewhere (or a TLS proxy) is not this one.
		expect(await attempt(`https://${host}`)).toMatch(/^refused/);
		expect(await attempt(`http://${host.replace(/:\d+$/, ':1')}`)).toMatch(/^refused/);
		expect(await attempt('null')).toMatch(/^refused/);
	});
});
