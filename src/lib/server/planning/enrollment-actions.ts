import { fail } from '@sveltejs/kit';
import { cancelFormSchema, enrollFormSchema, formFields } from '../../shared/enrollment-form';
import { fieldErrors } from '../../shared/participant-form';
import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import type { Logger } from '../log';
import { cancel, enroll, enrollmentRefusals, type Promotion, type Target } from './enrollment';
import type { Refusal } from './enrollment-checks';
import { getParticipant } from './participants';

/**
 * The enrol and cancel form actions, shared by the roster page and the participant page. They
 * answer with a notice the page shows (including who was promoted), or a failure that names the
 * refusals so the coordinator can give a written reason. Logs carry ids only (names are PHI).
 */

type Failure = {
	action: 'enroll' | 'cancel';
	fields: Record<string, string>;
	errors: Record<string, string>;
	refusals: Refusal[] | null;
};
const refuse = (status: number, failure: Failure) => fail(status, failure);

type Resolve = (scope: 'session' | 'series') => Target | null;

const dayFormat = (timeZone: string) =>
	new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' });

export function describePromotions(promoted: Promotion[], timeZone: string): string[] {
	const day = dayFormat(timeZone);
	return promoted.map((p) =>
		p.startsAt
			? `${p.displayName} moved up from the waitlist for ${day.format(p.startsAt)}`
			: `${p.displayName} moved up from the waitlist for the whole series`
	);
}

export async function enrollAction(
	db: Database,
	log: Logger,
	user: StaffUser,
	data: FormData,
	resolve: Resolve
) {
	const fields = formFields(data);
	const parsed = enrollFormSchema.safeParse(fields);
	if (!parsed.success) {
		const errors = fieldErrors(parsed.error);
		// A reason too short: show the refusals again beside the box, as they stand now.
		const target =
			errors.overrideReason && !errors.participantId && fields.participantId
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
		return refuse(400, {
			action: 'enroll',
			fields: person ? { ...fields, name: `${person.firstName} ${person.lastName}` } : fields,
			errors,
			refusals: refusals.length ? refusals : null
		});
	}
	const target = resolve(parsed.data.scope);
	if (!target) {
		return refuse(400, {
			action: 'enroll',
			fields,
			errors: { scope: 'This class is not part of a series' },
			refusals: null
		});
	}
	const overrideReason =
		parsed.data.override === 'yes' ? parsed.data.overrideReason?.trim() : undefined;
	const result = await enroll(db, { clinicId: user.clinicId, userId: user.id }, target, {
		participantId: parsed.data.participantId,
		overrideReason
	});
	const person = await getParticipant(db, user.clinicId, parsed.data.participantId);
	const name = person ? `${person.firstName} ${person.lastName}` : 'The participant';
	if (!result.ok) {
		return refuse(result.notFound ? 404 : result.refusals ? 409 : 400, {
			action: 'enroll',
			fields: { ...fields, name },
			errors: result.refusals ? {} : { participantId: result.error },
			refusals: result.refusals ?? null
		});
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
	const where = parsed.data.scope === 'series' ? 'the whole series' : 'this class';
	const notice = result.already
		? `${name} is already ${result.status === 'waitlisted' ? 'on the waitlist' : 'enrolled'}.`
		: result.status === 'enrolled'
			? `${name} enrolled in ${where}.`
			: `${where === 'this class' ? 'This class' : 'The series'} is full: ${name} is on the waitlist.`;
	return { action: 'enroll' as const, notice, promoted: [] as string[] };
}

export async function cancelAction(
	db: Database,
	log: Logger,
	user: StaffUser,
	data: FormData,
	resolve: Resolve,
	timeZone: string
) {
	const fields = formFields(data);
	const parsed = cancelFormSchema.safeParse(fields);
	if (!parsed.success) {
		return refuse(400, {
			action: 'cancel' as const,
			fields,
			errors: fieldErrors(parsed.error),
			refusals: null
		});
	}
	const target = resolve(parsed.data.scope);
	if (!target) {
		return refuse(400, {
			action: 'cancel' as const,
			fields,
			errors: { scope: 'This class is not part of a series' },
			refusals: null
		});
	}
	const result = await cancel(
		db,
		{ clinicId: user.clinicId, userId: user.id },
		target,
		parsed.data.participantId
	);
	if (!result.ok) {
		return refuse(result.notFound ? 404 : 400, {
			action: 'cancel' as const,
			fields,
			errors: { participantId: result.error },
			refusals: null
		});
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
	const name = person ? `${person.firstName} ${person.lastName}` : 'The participant';
	const where = parsed.data.scope === 'series' ? 'the whole series' : 'this class';
	return {
		action: 'cancel' as const,
		notice: result.cancelled
			? `${name}'s place in ${where} is cancelled.`
			: `${name} had no place to cancel.`,
		promoted: describePromotions(result.promoted, timeZone)
	};
}
