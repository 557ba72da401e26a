import { error } from '@sveltejs/kit';
import { isUuid } from '../../shared/ids';

/** `?session=<uuid>`: the class a handout comes from; absent is the participant's routine. */
export function sessionParam(url: URL): string | null {
	const value = url.searchParams.get('session');
	if (value === null || value === '') return null;
	if (!isUuid(value)) error(404, 'participants.not-found');
	return value;
}
