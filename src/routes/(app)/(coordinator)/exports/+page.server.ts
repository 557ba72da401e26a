import { signedIn } from '$lib/server/auth/guard';
import { exportChoices } from '$lib/server/exports/choices';
import { MAX_RANGE_DAYS, csvQuerySchema, parseQuery, queryObject } from '$lib/server/exports/query';
import { clinicTimeZone } from '$lib/server/exports/read';
import { localDate } from '$lib/shared/time-zone';
import { isUuid } from '$lib/shared/ids';
import { isMessageKey, type Problem } from '$lib/i18n/problem';
import type { PageServerLoad } from './$types';

/**
 * The exports form is a GET form to this page: the load checks the range and, when it is good,
 * the page shows the download links for it. Nothing is exported (or audited) until one is used.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const timeZone = (await clinicTimeZone(app.db, user.clinicId)) ?? 'UTC';
	const today = localDate(timeZone, new Date());
	const given = queryObject(url.searchParams);
	const values = {
		from: given.from ?? today,
		to: given.to ?? today,
		roomId: given.roomId ?? '',
		seriesId: given.seriesId ?? '',
		participantId: isUuid(given.participantId ?? '') ? given.participantId! : '',
		sessionId: isUuid(given.sessionId ?? '') ? given.sessionId! : ''
	};
	const checked = parseQuery(
		csvQuerySchema,
		new URLSearchParams({
			file: 'attendance',
			from: values.from,
			to: values.to,
			roomId: values.roomId,
			seriesId: values.seriesId
		})
	);
	const refusal = checked.ok ? null : checked.refusal;
	const problem: (Problem & { field: string }) | null = refusal && {
		field: refusal.field === 'to' ? 'to' : 'from',
		code: isMessageKey(refusal.code) ? refusal.code : 'exports.bad-query',
		params: { days: MAX_RANGE_DAYS }
	};
	const choices = await exportChoices(
		app.db,
		user.clinicId,
		timeZone,
		checked.ok ? { from: values.from, to: values.to } : null
	);
	return { values, problem, timeZone, maxDays: MAX_RANGE_DAYS, ...choices };
};
