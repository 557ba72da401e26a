import { describe, expect, it } from 'vitest';
import { controllerRequest, dataPath, signsOut } from './offline-pages';

const CLASS = '/control/0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f';

describe('controllerRequest', () => {
	it('keeps the class list and a class, as documents and as data', () => {
		expect(controllerRequest('/control')).toEqual({ page: '/control', kind: 'html' });
		expect(controllerRequest('/control/__data.json')).toEqual({ page: '/control', kind: 'data' });
		expect(controllerRequest(CLASS)).toEqual({ page: CLASS, kind: 'html' });
		expect(controllerRequest(`${CLASS}/__data.json`)).toEqual({ page: CLASS, kind: 'data' });
	});

	it('keeps nothing else: names must not linger on a phone where they are not needed', () => {
		for (const path of [
			'/',
			'/__data.json',
			'/sign-in',
			'/sign-in/__data.json',
			'/sign-out',
			'/display',
			'/display/__data.json',
			'/healthz',
			'/socket.io/',
			'/participants',
			'/control/pair',
			'/control/displays/__data.json',
			'/control/',
			'/controller',
			`${CLASS}/notes`
		]) {
			expect(controllerRequest(path), path).toBeNull();
		}
	});
});

describe('dataPath', () => {
	it('is the path SvelteKit fetches a page data from', () => {
		expect(dataPath('/control')).toBe('/control/__data.json');
		expect(dataPath(CLASS)).toBe(`${CLASS}/__data.json`);
	});
});

describe('signsOut', () => {
	it('is the sign-out post and any visit to the sign-in page', () => {
		expect(signsOut('POST', '/sign-out')).toBe(true);
		expect(signsOut('GET', '/sign-in')).toBe(true);
		expect(signsOut('GET', '/sign-in/__data.json')).toBe(true);
	});

	it('is not signing in, nor anything else', () => {
		expect(signsOut('POST', '/sign-in')).toBe(false);
		expect(signsOut('GET', '/sign-out')).toBe(false);
		expect(signsOut('GET', '/sign-inside')).toBe(false);
		expect(signsOut('GET', '/control')).toBe(false);
		expect(signsOut('POST', '/control/pair')).toBe(false);
	});
});
