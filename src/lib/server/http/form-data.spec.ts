import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { readForm } from './form-data';

const post = (body: string, type: string) =>
	new Request('http://localhost/x', { method: 'POST', body, headers: { 'content-type': type } });

describe('readForm', () => {
	it('reads a urlencoded and a multipart form', async () => {
		expect((await readForm(post('a=1', 'application/x-www-form-urlencoded'))).get('a')).toBe('1');
		const multipart = '--b\r\ncontent-disposition: form-data; name="a"\r\n\r\n2\r\n--b--\r\n';
		expect((await readForm(post(multipart, 'multipart/form-data; boundary=b'))).get('a')).toBe('2');
	});

	it('answers 400 for a body that is not the form it claims to be', async () => {
		for (const request of [
			post('--nope\r\nbroken', 'multipart/form-data; boundary=other'),
			post('a=1', 'multipart/form-data'),
			post('{"a":1}', 'application/json')
		]) {
			const thrown = await readForm(request).then(
				() => null,
				(e: unknown) => e
			);
			expect(isHttpError(thrown) && thrown.status).toBe(400);
		}
	});
});
