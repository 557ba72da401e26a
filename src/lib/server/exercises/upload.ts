import type { Problem } from '../../i18n/problem';
import { checkMedia, type MediaCheck } from './media-check';

/** The picture or video field of the exercise form, checked but not yet stored. */
export type UploadCheck =
	| { kind: 'none' }
	| { kind: 'invalid'; problem: Problem }
	| ({ kind: 'valid'; bytes: Uint8Array } & Extract<MediaCheck, { ok: true }>);

export async function checkUpload(form: FormData, field = 'media'): Promise<UploadCheck> {
	const value = form.get(field);
	// An empty file input still sends a part with no name and no bytes.
	if (!(value instanceof File) || (value.size === 0 && value.name === '')) return { kind: 'none' };
	const bytes = new Uint8Array(await value.arrayBuffer());
	const check = checkMedia(bytes);
	if (!check.ok) return { kind: 'invalid', problem: check.problem };
	return { kind: 'valid', bytes, ...check };
}
