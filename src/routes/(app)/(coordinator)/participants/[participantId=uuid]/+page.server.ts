import { error, fail } from '@sveltejs/kit';
import { problem, problemsOf } from '$lib/i18n/problem';
import { readForm } from '$lib/server/http/form-data';
import { refuse } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import { signedInOwning } from '$lib/server/auth/clinic-row';
import { clinicTimeZone } from '$lib/server/classes/calendar';
import { cancelAction, enrollAction, type Promoted } from '$lib/server/planning/enrollment-actions';
import { seriesPlacesOf } from '$lib/server/planning/participant-places';
import {
	clinicLanguageOf,
	getParticipant,
	setArchived,
	updateParticipant
} from '$lib/server/planning/participants';
import {
	participantFormSchema,
	participantFormValues,
	type ParticipantFormValues
} from '$lib/shared/participant-form';
import { isUuid } from '$lib/shared/ids';
import { outcomeTestValues } from '$lib/shared/outcome-test-form';
import { localDate } from '$lib/shared/time-zone';
import { participantTests, recordTestFromForm } from '$lib/server/outcomes/participant-tests';
import { audit, deviceOf } from '$lib/server/records/audit';
import { addIdentifier, listIdentifiers, removeIdentifier } from '$lib/server/records/identifiers';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, request }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const person = await getParticipant(app.db, user.clinicId, params.participantId);
	if (!person) error(404, 'participants.not-found');
	// Reading a participant's record is itself recorded (issue 13).
	await audit(app.db, {
		clinicId: user.clinicId,
		userId: user.id,
		device: deviceOf(request),
		action: 'viewed',
		subject: 'participant',
		participantId: person.id
	});
	const values: ParticipantFormValues = {
		firstName: person.firstName,
		lastName: person.lastName,
		displayName: person.displayName,
		dateOfBirth: person.dateOfBirth,
		precautions: person.precautions,
		assistiveDevice: person.assistiveDevice,
		sex: person.sex,
		preferredLanguage: person.preferredLanguage ?? '',
		screenedOn: person.aquaticScreening.screenedOn ?? '',
		exclusions: person.aquaticScreening.exclusions,
		aquaticPrecautions: person.aquaticScreening.precautions,
		goals: person.goals,
		emergencyContact: person.emergencyContact
	};
	const timeZone = await clinicTimeZone(app.db, user.clinicId);
	return {
		id: person.id,
		fullName: `${person.firstName} ${person.lastName}`,
		archived: person.archivedAt !== null,
		created: url.searchParams.has('created'),
		values,
		clinicLanguage: await clinicLanguageOf(app.db, user.clinicId),
		series: await seriesPlacesOf(app.db, user.clinicId, person.id),
		identifiers: await listIdentifiers(app.db, user.clinicId, person.id),
		device: person.assistiveDevice,
		outcomeTests: await participantTests(app.db, user.clinicId, person.id, timeZone),
		/** The clinic's today: the outcome form's date starts there and may not pass it. */
		today: localDate(timeZone, new Date())
	};
};

/** On this page every enrol / cancel is for a whole series, named by the form's seriesId. */
function seriesTarget(data: FormData) {
	const seriesId = String(data.get('seriesId') ?? '');
	return () => (isUuid(seriesId) ? { seriesId } : null);
}

/** Every action here is about the participant in the URL: another clinic's is not found. */
const participantOf = (locals: App.Locals, participantId: string) =>
	signedInOwning(locals, 'participants', participantId, 'participants.not-found');

/** Archive (true) or restore (false) the participant in the URL. */
function setArchivedAction(archived: boolean) {
	return async ({ locals, params: { participantId } }: RequestEvent) => {
		const { user, app } = await participantOf(locals, participantId);
		if (!(await setArchived(app.db, user.clinicId, participantId, archived))) {
			error(404, 'participants.not-found');
		}
		const what = archived ? 'participant archived' : 'participant restored';
		app.log.info({ userId: user.id, participantId }, what);
		const done = archived ? 'participants.archived-done' : 'participants.restored';
		return { done: problem(done), promoted: [] as Promoted[] };
	};
}

/** An identifier's form as typed (capped: the schema says what is too long). */
function identifierInput(form: FormData) {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 300) : '';
	};
	return { kind: text('kind'), system: text('system'), value: text('value') };
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const { user, app } = await participantOf(locals, params.participantId);
		const values = participantFormValues(await readForm(request));
		const parsed = participantFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		if (!(await updateParticipant(app.db, user.clinicId, params.participantId, parsed.data))) {
			error(404, 'participants.not-found');
		}
		app.log.info({ userId: user.id, participantId: params.participantId }, 'participant updated');
		return { done: problem('participants.saved'), promoted: [] as Promoted[] };
	},
	archive: setArchivedAction(true),
	restore: setArchivedAction(false),
	enroll: async ({ locals, params, request }) => {
		const { user, app } = await participantOf(locals, params.participantId);
		const data = await readForm(request);
		data.set('participantId', params.participantId);
		data.set('scope', 'series');
		return enrollAction(app.db, app.log, user, data, seriesTarget(data));
	},
	cancel: async ({ locals, params, request }) => {
		const { user, app } = await participantOf(locals, params.participantId);
		const data = await readForm(request);
		data.set('participantId', params.participantId);
		data.set('scope', 'series');
		const timeZone = await clinicTimeZone(app.db, user.clinicId);
		return cancelAction(app.db, app.log, user, data, seriesTarget(data), timeZone);
	},
	// Identifiers answer with their own keys, so the page tells them from the details form's.
	addIdentifier: async ({ locals, params, request }) => {
		const { user, app } = await participantOf(locals, params.participantId);
		const typed = identifierInput(await readForm(request));
		const device = deviceOf(request);
		const result = await addIdentifier(app.db, user, device, params.participantId, typed);
		if (!result.ok) {
			return fail(400, { identifierProblems: result.problems, identifierTyped: typed });
		}
		app.log.info({ userId: user.id, participantId: params.participantId }, 'identifier added');
		return { done: problem('records.identifiers.added'), promoted: [] as Promoted[] };
	},
	removeIdentifier: async ({ locals, params, request }) => {
		const { user, app } = await participantOf(locals, params.participantId);
		const identifierId = String((await readForm(request)).get('identifierId') ?? '');
		if (!isUuid(identifierId)) error(400, 'field.invalid');
		const device = deviceOf(request);
		if (!(await removeIdentifier(app.db, user, device, params.participantId, identifierId))) {
			return fail(409, { identifierProblems: { form: problem('records.identifiers.gone') } });
		}
		app.log.info({ userId: user.id, participantId: params.participantId }, 'identifier removed');
		return { done: problem('records.identifiers.removed'), promoted: [] as Promoted[] };
	},
	// Outcome tests answer with their own keys too; a refusal stores nothing.
	recordOutcome: async ({ locals, params, request }) => {
		const { user, app } = await participantOf(locals, params.participantId);
		const values = outcomeTestValues(await readForm(request));
		const timeZone = await clinicTimeZone(app.db, user.clinicId);
		const device = deviceOf(request);
		const { participantId } = params;
		const recorded = await recordTestFromForm(
			app.db,
			user,
			device,
			participantId,
			values,
			timeZone
		);
		if (!recorded.ok) {
			return fail(400, { outcomeProblems: recorded.problems, outcomeValues: values });
		}
		app.log.info({ userId: user.id, participantId: params.participantId }, 'outcome test recorded');
		return { done: problem('outcomes.capture.recorded'), promoted: [] as Promoted[] };
	}
};
