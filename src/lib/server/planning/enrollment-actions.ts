import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { problem, problemsOf, type Problem, type Problems } from '../../i18n/problem';
import { localDate } from '../../shared/time-zone';
import {
	cancelFormSchema,
	enrollFormSchema,
	formFields,
	type Promoted
} from '../../shared/enrollment-form';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import type { Logger } from '../log';
import { cancel, enroll, enrollmentRefusals, type Promotion, type Target } from './enrollment';
import type { Refusal } from './enrollment-checks';
import { getParticipant } from './participants';

/**
 * The enrol and cancel form actions, shared by the roster page and the participant page. They
 * answer with a coded notice the page words (`done`, and who was promoted), or the one refused
 * shape (`problems`, `values`: the fields as sent, plus `name`) with the `refusals` a coordinator
 * may override with a written reason. Logs carry ids only (names are PHI).
 */

const refused = (
	status: number,
	problems: Problems,
	values: Record<string, string>,
	refusals: Refusal[] | null = null
) => fail(status, { problems, values, refusals });

type Resolve = (scope: 'session' | 'series') => Target | null;

export type { Promoted } from '../../shared/enrollment-form';

export function describePromotions(promoted: Promotion[], timeZone: string): Promoted[] {
	return promoted.map((p) => ({
		name: p.displayName,
		date: p.startsAt ? localDate(timeZone, p.startsAt) : null
	}));
}

/** The form's fields as sent (to show them again) and as the schema reads them. */
function readForm<T>(schema: z.ZodType<T>, data: FormData) {
	const fields = formFields(data);
	return { fields, parsed: schema.safeParse(fields) };
}

const fullName = (person: { firstName: string; lastName: string } | null) =>
	person ? `${person.firstName} ${person.lastName}` : '—';

export async function enrollAction(
	db: Database,
	log: Logger,
	user: StaffUser,
	data: FormData,
	resolve: Resolve
) {
	const { fields, parsed } = readForm(enrollFormSchema, data);
	if (!parsed.success) {
		const problems = problemsOf(parsed.error, { top: true });
		// A reason too short: show the refusals again beside the box, as they stand now.
		const target =
			problems.overrideReason && !problems.participantId && fields.participantId
				? resolve(fields.scope === 'series' ? 'series' : 'session')
				: null;
		const refusals = target
			? await enrollmentRefusals(
					db,
					{ clinicId: user.clinicId, userId: user.id },
					target,
					fields.participantId!
				)
			: [];
		const person = refusals.length
			? await getParticipant(db, user.clinicId, fields.participantId!)
			: null;
		return refused(
			400,
			problems,
			person ? { ...fields, name: fullName(person) } : fields,
			refusals.length ? refusals : null
		);
	}
	const target = resolve(parsed.data.scope);
	if (!target) return refused(400, { scope: problem('enrol.not-in-series') }, fields);
	const overrideReason =
		parsed.data.override === 'yes' ? parsed.data.overrideReason?.trim() : undefined;
	const result = await enroll(db, { clinicId: user.clinicId, userId: user.id }, target, {
		participantId: parsed.data.participantId,
		overrideReason
	});
	const person = await getParticipant(db, user.clinicId, parsed.data.participantId);
	const name = fullName(person);
	if (!result.ok) {
		return refused(
			result.notFound ? 404 : result.refusals ? 409 : 400,
			result.refusals ? {} : { participantId: result.problem },
			{ ...fields, name },
			result.refusals ?? null
		);
	}
	// Only a real change is logged: "already enrolled" changed nothing.
	if (!result.already) {
		log.info(
			{
				userId: user.id,
				participantId: parsed.data.participantId,
				...target,
				status: result.status,
				override: !!overrideReason
			},
			'enrollment'
		);
	}
	const scope = parsed.data.scope;
	const done: Problem = result.already
		? problem(`enrol.already-${result.status}`, { name })
		: problem(`enrol.${result.status}-${scope}`, { name });
	return { done, promoted: [] as Promoted[] };
}

export async function cancelAction(
	db: Database,
	log: Logger,
	user: StaffUser,
	data: FormData,
	resolve: Resolve,
	timeZone: string
) {
	const { fields, parsed } = readForm(cancelFormSchema, data);
	if (!parsed.success) return refused(400, problemsOf(parsed.error, { top: true }), fields);
	const target = resolve(parsed.data.scope);
	if (!target) return refused(400, { scope: problem('enrol.not-in-series') }, fields);
	const result = await cancel(
		db,
		{ clinicId: user.clinicId, userId: user.id },
		target,
		parsed.data.participantId
	);
	if (!result.ok) {
		return refused(result.notFound ? 404 : 400, { participantId: result.problem }, fields);
	}
	if (result.cancelled) {
		log.info(
			{
				userId: user.id,
				participantId: parsed.data.participantId,
				...target,
				promoted: result.promoted.length
			},
			'enrollment cancelled'
		);
	}
	const person = await getParticipant(db, user.clinicId, parsed.data.participantId);
	const name = fullName(person);
	return {
		done: result.cancelled
			? problem(`enrol.cancelled-${parsed.data.scope}`, { name })
			: problem('enrol.nothing-to-cancel', { name }),
		promoted: describePromotions(result.promoted, timeZone)
	};
}
