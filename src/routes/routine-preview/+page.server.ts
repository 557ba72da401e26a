import type { PageServerLoad } from './$types';

/**
 * The builder's simulated wall display. It lives outside the (app) layout so the display's own
 * screen fills it, and it is framed by the builder page: same origin only. Coordinators only
 * (the handle).
 */
export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'x-frame-options': 'SAMEORIGIN', 'cache-control': 'no-store' });
};
