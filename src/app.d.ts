import type { StaffUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: StaffUser | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
