import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { expandClinicSeries } from '$lib/server/planning/expansion';
import { mondayOf, weekSchedule } from '$lib/server/planning/week';
import { addDays, localDate } from '$lib/shared/time-zone';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One week, Monday to Sunday in the clinic's zone: ?week=<any day of it> (default this week),
 * ?view=room|staff. Opening the schedule also rolls every series forward to the horizon, so
 * the weeks ahead are always there without a background job.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const timeZone = await clinicTimeZone(app.db, user.clinicId);
	const today = localDate(timeZone, new Date());
	const asked = url.searchParams.get('week') ?? '';
	const valid = DATE.test(asked) && !Number.isNaN(Date.parse(asked));
	const monday = mondayOf(valid ? asked : today);
	const view = url.searchParams.get('view') === 'staff' ? 'staff' : 'room';

	await expandClinicSeries(app.db, user.clinicId);
	const week = await weekSchedule(app.db, user.clinicId, timeZone, monday);
	return {
		...week,
		today,
		timeZone,
		view,
		monday,
		previous: addDays(monday, -7),
		next: addDays(monday, 7),
		thisWeek: mondayOf(today)
	} as const;
};
