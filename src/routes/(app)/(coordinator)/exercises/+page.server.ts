import { signedIn } from '$lib/server/auth/guard';
import { clinicEquipment, searchExercises } from '$lib/server/exercises/exercises';
import { readExerciseFilters } from '$lib/shared/exercise-filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const filters = readExerciseFilters(url.searchParams);
	const [rows, equipment] = await Promise.all([
		searchExercises(app.db, user.clinicId, filters),
		clinicEquipment(app.db, user.clinicId)
	]);
	return {
		filters,
		equipment,
		exercises: rows.map((row) => ({
			...row,
			archived: row.archivedAt !== null,
			archivedAt: undefined
		}))
	};
};
