import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/** After a refused save, the first field marked invalid takes the focus, so its message is read. */
export async function focusFirstInvalid(form: HTMLElement): Promise<void> {
	await tick();
	form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** use:enhance for a plain form: keep what was typed, and on a refusal go to the first error. */
export const keepAndFocusInvalid: SubmitFunction =
	({ formElement }) =>
	async ({ result, update }) => {
		await update({ reset: false });
		if (result.type === 'failure') await focusFirstInvalid(formElement);
	};
