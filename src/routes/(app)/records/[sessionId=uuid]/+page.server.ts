import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { problemsOf } from '$lib/i18n/problem';
import { signedIn } from '$lib/server/auth/guard';
import { deviceOf } from '$lib/server/records/audit';
import { classAccess } from '$lib/server/records/notes-access';
import {
	addAddendum,
	classReview,
	cosignNote,
	saveNoteText,
	signNote,
	type NoteResult
} from '$lib/server/records/notes';
import { addendumSchema, noteTextSchema, participantSchema } from '$lib/shared/records/note-text';
import type { Actions, PageServerLoad } from './$types';

/** The participant shown: `?p=` names them; anything else shows the first one still a draft. */
const shownSchema = z.uuid().optional().catch(undefined);

export const load: PageServerLoad = async ({ locals, params, url, request }) => {
	const user = signedIn(locals);
	const participantId = shownSchema.parse(url.searchParams.get('p') ?? undefined);
	const review = await classReview(
		locals.app.db,
		{ user, device: deviceOf(request) },
		params.sessionId,
		participantId
	);
	if ('ok' in review) error(review.status, review.code);
	// The URL always names the note shown, so a form's answer comes back to the same note.
	const shown = review.current?.participantId;
	if (shown && shown !== participantId) redirect(303, `${url.pathname}?p=${shown}`);
	return { review };
};

type Done = 'saved' | 'signed' | 'cosigned' | 'addendum';

/** A refused change: its reason beside the form, with what was typed kept. */
function answer(result: NoteResult, done: Done, values: Record<string, string>) {
	if (result.ok) return { done };
	if (result.status === 404 || result.status === 403) error(result.status, result.code);
	return fail(result.status, { problem: { code: result.code }, values });
}

/**
 * Before reading the form: another clinic's class is not found and a stranger to it is refused,
 * whatever they post.
 */
async function allowed(locals: App.Locals, sessionId: string) {
	const user = signedIn(locals);
	const access = await classAccess(locals.app.db, user, sessionId);
	if (!access.ok) error(access.status, access.code);
	return user;
}

/** The posted fields; null when the body is not a form at all (answered 400, never 500). */
async function posted(request: Request): Promise<Record<string, string> | null> {
	const form = await request.formData().catch(() => null);
	return form && fields(form);
}

const fields = (form: FormData): Record<string, string> =>
	Object.fromEntries(
		['participantId', 'response', 'cues', 'goals', 'plan', 'text'].map((name) => [
			name,
			String(form.get(name) ?? '')
		])
	);

export const actions: Actions = {
	save: async (event) => text(event, 'saved'),
	sign: async (event) => text(event, 'signed'),
	cosign: async ({ locals, params, request }) => {
		const user = await allowed(locals, params.sessionId);
		const values = await posted(request);
		if (!values) return fail(400, { problem: { code: 'field.invalid' as const }, values: {} });
		const parsed = participantSchema.safeParse(values);
		if (!parsed.success) return fail(400, { problems: problemsOf(parsed.error), values });
		const result = await cosignNote(
			locals.app.db,
			{ user, device: deviceOf(request) },
			params.sessionId,
			parsed.data.participantId
		);
		return answer(result, 'cosigned', values);
	},
	addendum: async ({ locals, params, request }) => {
		const user = await allowed(locals, params.sessionId);
		const values = await posted(request);
		if (!values) return fail(400, { problem: { code: 'field.invalid' as const }, values: {} });
		const parsed = addendumSchema.safeParse(values);
		if (!parsed.success) return fail(400, { problems: problemsOf(parsed.error), values });
		const result = await addAddendum(
			locals.app.db,
			{ user, device: deviceOf(request) },
			params.sessionId,
			parsed.data
		);
		return answer(result, 'addendum', values);
	}
};

async function text(
	{ locals, params, request }: Parameters<Actions[string]>[0],
	done: 'saved' | 'signed'
) {
	const user = await allowed(locals, params.sessionId);
	const values = await posted(request);
	if (!values) return fail(400, { problem: { code: 'field.invalid' as const }, values: {} });
	const parsed = noteTextSchema.safeParse(values);
	if (!parsed.success) return fail(400, { problems: problemsOf(parsed.error), values });
	const actor = { user, device: deviceOf(request) };
	const result =
		done === 'signed'
			? await signNote(locals.app.db, actor, params.sessionId, parsed.data)
			: await saveNoteText(locals.app.db, actor, params.sessionId, parsed.data);
	return answer(result, done, values);
}
