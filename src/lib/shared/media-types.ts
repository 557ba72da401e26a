/** The pictures and videos an exercise may carry: shared by the editor and the server's checks. */

export const MEDIA_MAX_BYTES = 5 * 1024 * 1024;

export const MEDIA_TYPES = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'video/mp4': 'mp4',
	'video/webm': 'webm'
} as const;
export type MediaType = keyof typeof MEDIA_TYPES;

/** What the file input offers; the server still checks the bytes. */
export const MEDIA_ACCEPT = Object.keys(MEDIA_TYPES).join(',');
