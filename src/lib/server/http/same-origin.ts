/**
 * SvelteKit checks the Origin of form posts only (form content types). An endpoint that changes
 * something on any POST checks it here as well, so a cross-site `fetch` with a JSON or text
 * body cannot do it with the user's cookie. Browsers send Origin with every POST.
 */
export function fromThisSite(request: Request, url: URL): boolean {
	return request.headers.get('origin') === url.origin;
}

export function crossSiteRefused(): Response {
	return new Response('Cross-site request refused', {
		status: 403,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
