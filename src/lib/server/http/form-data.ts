import { error } from '@sveltejs/kit';

/**
 * The posted form of an action. A body that is not a form (a bad multipart boundary, a cut-off
 * upload, the wrong content type) makes `request.formData()` throw: that is the client's mistake,
 * so it answers 400 (worded by the error page) rather than a 500 with an error logged for every such request.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, 'error.unreadable-form');
	}
}
