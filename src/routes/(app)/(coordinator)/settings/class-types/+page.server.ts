import { redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/form-data';
import { refuse, refuseForm } from '$lib/server/http/refuse';
import { signedIn } from '$lib/server/auth/guard';
import {
	addClassType,
	listClassTypes,
	renameClassType,
	setClassTypeArchived
} from '$lib/server/settings/class-types';
import { problemsOf } from '$lib/i18n/problem';
import { classTypeFormSchema, classTypeRenameSchema } from '$lib/shared/class-types';
import { isUuid } from '$lib/shared/ids';
import { formValues } from '$lib/shared/planning/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = signedIn(locals);
	const { app } = locals;
	const types = await listClassTypes(app.db, user.clinicId, { archived: true });
	const editing = types.find((t) => !t.archived && t.id === url.searchParams.get('edit')) ?? null;
	return { types, editing };
};

/** The type a row's button or the rename form is about; another clinic's is not found. */
function typeId(data: FormData) {
	const id = String(data.get('id') ?? '');
	return isUuid(id) ? id : null;
}

/** Archive (or restore) the type in the form. */
function archiving(archived: boolean) {
	return async ({ request, locals }: RequestEvent) => {
		const user = signedIn(locals);
		const id = typeId(await readForm(request));
		if (!id) return refuseForm(400, 'class-types.not-found');
		const { app } = locals;
		const result = await setClassTypeArchived(app.db, user.clinicId, id, archived);
		// Above the list: not found, or (restoring) its name now taken by another type.
		if (!result.ok) {
			const { form, name } = result.problems;
			return refuse(form ? 404 : 409, { form: (form ?? name)! });
		}
		app.log.info(
			{ userId: user.id, classTypeId: id },
			`class type ${archived ? 'archived' : 'restored'}`
		);
		return {
			done: archived ? ('class-types.archived' as const) : ('class-types.restored' as const)
		};
	};
}

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const user = signedIn(locals);
		const values = formValues(await readForm(request));
		const parsed = classTypeFormSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const { app } = locals;
		const result = await addClassType(app.db, user.clinicId, parsed.data);
		if (!result.ok) return refuse(400, result.problems, values);
		app.log.info({ userId: user.id, classTypeId: result.id }, 'class type added');
		// A fresh page: the list with it, an empty form for the next one.
		redirect(303, `/settings/class-types?added=${result.id}`);
	},
	rename: async ({ request, locals }) => {
		const user = signedIn(locals);
		const data = await readForm(request);
		const values = formValues(data);
		const id = typeId(data);
		if (!id) return refuseForm(400, 'class-types.not-found', undefined, values);
		const parsed = classTypeRenameSchema.safeParse(values);
		if (!parsed.success) return refuse(400, problemsOf(parsed.error, { top: true }), values);
		const { app } = locals;
		const result = await renameClassType(app.db, user.clinicId, id, parsed.data.name);
		if (!result.ok) return refuse(result.problems.form ? 404 : 400, result.problems, values);
		if (result.changed) app.log.info({ userId: user.id, classTypeId: id }, 'class type renamed');
		redirect(303, `/settings/class-types?renamed=${id}`);
	},
	archive: archiving(true),
	restore: archiving(false)
};
