import { getApp } from '$lib/server/app';
import { classesBetween, clinicTimeZone } from '$lib/server/classes/calendar';
import { addDays, localDate, weekdayOf } from '$lib/shared/time-zone';
import type { PageServerLoad } from './$types';

/** This week, Monday to Sunday, in the clinic's zone. */
export const load: PageServerLoad = async ({ locals }) => {
	const app = await getApp();
	const clinicId = locals.user!.clinicId;
	const timeZone = await clinicTimeZone(app.db, clinicId);
	const today = localDate(timeZone, new Date());
	const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
	const classes = await classesBetween(app.db, clinicId, timeZone, monday, addDays(monday, 7));
	const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((date) => ({
		date,
		isToday: date === today,
		classes: classes.filter((item) => item.date === date)
	}));
	return { days };
};
