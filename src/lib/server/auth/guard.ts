import { error, redirect } from '@sveltejs/kit';
import type { StaffUser } from './session';

/** Routes only coordinators may load or post to: the `(coordinator)` group and the preview. */
export function isCoordinatorRoute(routeId: string | null): boolean {
	return (
		!!routeId && (routeId.startsWith('/(app)/(coordinator)/') || routeId === '/routine-preview')
	);
}

/**
 * For the handle: refuses a signed-in technician on a coordinator route, loads and actions
 * alike, so no action has to remember the rule. Thrown from the handle, the refusal is served as
 * SvelteKit's plain error page, so it is worded here, in the reader's language.
 */
export function requireCoordinator(locals: App.Locals): StaffUser {
	if (!locals.user) redirect(303, '/sign-in');
	if (locals.user.role !== 'coordinator') {
		error(403, 'error.coordinators-only');
	}
	return locals.user;
}

/** The signed-in person, where the handle has already required one (every non-public route). */
export function signedIn(locals: App.Locals): StaffUser {
	if (!locals.user) redirect(303, '/sign-in');
	return locals.user;
}
