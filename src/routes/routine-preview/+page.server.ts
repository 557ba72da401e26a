import { requireCoordinator } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

/**
 * The builder's simulated wall display. It lives outside the (app) layout so the display's own
 * screen fills it, and it is framed by the builder page: same origin only.
 */
export const load: PageServerLoad = ({ locals, setHeaders }) => {
	requireCoordinator(locals);
	setHeaders({ 'x-frame-options': 'SAMEORIGIN', 'cache-control': 'no-store' });
};
