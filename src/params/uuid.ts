import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/shared/ids';

/** `[name=uuid]`: a malformed id is a plain 404 that never reaches the database. */
export const match: ParamMatcher = (param) => isUuid(param);
