import type { SubmitFunction } from '@sveltejs/kit';
import { focusFirstInvalid } from '$lib/client/form-errors';

/**
 * A form whose save button rests while the server answers (a second press would save twice).
 * `enhance` keeps what was typed and, on a refusal, takes the focus to the first error.
 */
export class Submitting {
	busy = $state(false);

	enhance: SubmitFunction = ({ formElement }) => {
		this.busy = true;
		return async ({ result, update }) => {
			await update({ reset: false });
			this.busy = false;
			if (result.type === 'failure') await focusFirstInvalid(formElement);
		};
	};
}
