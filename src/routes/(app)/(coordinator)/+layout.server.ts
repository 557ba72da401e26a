import { requireCoordinator } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

// Loads only: every action under this group must call requireCoordinator itself.
export const load: LayoutServerLoad = ({ locals }) => {
	requireCoordinator(locals);
};
