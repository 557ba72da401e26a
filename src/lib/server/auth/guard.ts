import { error, redirect } from '@sveltejs/kit';
import type { StaffUser } from './session';

/** For loads and actions that only coordinators may run; technicians get a plain 403. */
export function requireCoordinator(locals: App.Locals): StaffUser {
	if (!locals.user) redirect(303, '/sign-in');
	if (locals.user.role !== 'coordinator') error(403, 'Only coordinators can open this page.');
	return locals.user;
}
