import type { StaffUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Locals {
			user: StaffUser | null;
			/** The language of this request's page: the user's choice, else Accept-Language. */
			locale: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
