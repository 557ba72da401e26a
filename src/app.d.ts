import type { StaffUser } from '$lib/server/auth/session';
import type { App as Steady } from '$lib/server/app';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Locals {
			/** The running server's services (database, log, realtime), set in `handle`. */
			app: Steady;
			user: StaffUser | null;
			/** The language of this request's page: the user's choice, else Accept-Language. */
			locale: Locale;
			/** `<html lang>` when the page is in another language than its viewer's (a handout). */
			documentLocale?: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
