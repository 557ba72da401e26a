import type { ParamMatcher } from '@sveltejs/kit';

/** `[token=handout_token]`: 43 base64url characters; anything else is a 404 without a lookup. */
export const match: ParamMatcher = (param) => /^[A-Za-z0-9_-]{43}$/.test(param);
