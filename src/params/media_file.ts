import type { ParamMatcher } from '@sveltejs/kit';
import { MEDIA_FILE_NAME } from '$lib/shared/ids';

/** `[file=media_file]`: only names the upload could have made reach the media handler. */
export const match: ParamMatcher = (param) => MEDIA_FILE_NAME.test(param);
