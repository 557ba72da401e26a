/**
 * Row ids are PostgreSQL uuids in their canonical text form. Anything else in a URL or a form is
 * refused before it reaches the database (which would answer with an error, not "not found").
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID_PATTERN.test(value);
}

/** Stored media names are ours alone: 32 hex digits and a known extension, nothing a URL can bend. */
export const MEDIA_FILE_NAME = /^[0-9a-f]{32}\.(png|jpg|webp|mp4|webm)$/;
