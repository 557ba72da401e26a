import type { LayoutServerLoad } from './$types';

/** Every page's language, chosen in hooks.server.ts. */
export const load: LayoutServerLoad = ({ locals }) => ({ locale: locals.locale });
