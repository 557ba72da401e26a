import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { seriesSuggestions } from '$lib/server/planning/free-slots';
import { routinePrefill, saveSeries, seriesChoices } from '$lib/server/planning/series';
import { problemsOf } from '$lib/i18n/problem';
import { formValues, seriesFormInput, seriesFormSchema } from '$lib/shared/planning/forms';
import { nextWeekday, weekdayCodeOf } from '$lib/shared/planning/prefill';
import { localDate } from '$lib/shared/time-zone';
import { runsClasses } from '$lib/shared/domain';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const routineId = url.searchParams.get('routine');
	const [choices, timeZone, prefill] = await Promise.all([
		seriesChoices(app.db, user.clinicId),
		clinicTimeZone(app.db, user.clinicId),
		routineId ? routinePrefill(app.db, user.clinicId, routineId) : null
	]);
	const today = localDate(timeZone, new Date());
	const defaults: Record<string, string | string[]> = {
		type: 'balance',
		capacity: '10',
		durationMinutes: '45',
		startsOn: today,
		exertionScale: choices.defaultExertionScale
	};
	if (prefill) Object.assign(defaults, scheduleRoutine(prefill, choices, today));
	return { choices, timeZone, defaults, prefilledFrom: prefill?.name ?? null };
};

/**
 * The form's values to schedule a routine ("Schedule this routine" on its page): the routine's
 * name, length and class type, its first day the next weekday (and that day's class), the room
 * when the clinic has only one that fits (with places the room allows) and the lead when it has
 * one technician.
 */
function scheduleRoutine(
	prefill: NonNullable<Awaited<ReturnType<typeof routinePrefill>>>,
	choices: Awaited<ReturnType<typeof seriesChoices>>,
	today: string
) {
	const startsOn = nextWeekday(today);
	const values: Record<string, string | string[]> = {
		name: prefill.name,
		type: prefill.type,
		routineId: prefill.routineId,
		durationMinutes: String(prefill.durationMinutes),
		startsOn,
		days: [weekdayCodeOf(startsOn)]
	};
	const pool = prefill.type === 'aquatic';
	const rooms = choices.rooms.filter((room) => (room.kind === 'pool') === pool);
	if (rooms.length === 1) {
		const room = rooms[0]!;
		values.roomId = room.id;
		// With the lead alone: a pool's ratio counts too.
		const places = Math.min(10, room.capacity, room.participantsPerStaff ?? Infinity);
		values.capacity = String(places);
	}
	// The lead: the only staff member, else the only technician, else the only one who runs
	// classes (a therapist counts; coordinators lead less often).
	const technicians = choices.staff.filter((person) => person.role === 'technician');
	const runners = choices.staff.filter((person) => runsClasses(person.role));
	const lead =
		choices.staff.length === 1 ? choices.staff : technicians.length === 1 ? technicians : runners;
	if (lead.length === 1) values.leadUserId = lead[0]!.id;
	return values;
}

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = signedIn(locals);
		const data = await readForm(request);
		const { app } = locals;
		const values = formValues(data);
		const parsed = seriesFormSchema.safeParse(seriesFormInput(data));
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const result = await saveSeries(app.db, user.clinicId, null, parsed.data);
		if (!result.ok) {
			// A time refused for a clash, or a pool for its ratio, comes back with the nearest free
			// times that week (with the staff free to assist, for the ratio).
			const suggestions = await seriesSuggestions(
				app.db,
				user.clinicId,
				null,
				parsed.data,
				result.problems
			);
			return fail(400, { problems: result.problems, values, ...suggestions });
		}
		app.log.info({ userId: user.id, seriesId: result.id }, 'class series created');
		// The series' own page confirms it and offers the next step: enrolling participants.
		redirect(303, `/schedule/series/${result.id}?created`);
	}
};
