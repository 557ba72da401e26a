import type { Problem } from '../../i18n/problem';
import { mediaTooBig } from '../../shared/exercise-form';
import { MEDIA_TYPES, type MediaType } from '../../shared/media-types';

export { MEDIA_MAX_BYTES, MEDIA_TYPES, type MediaType } from '../../shared/media-types';

/**
 * What an uploaded picture or video really is, read from its first bytes: a file's name and the
 * browser's stated type are whatever the sender says, so neither decides what we store or serve.
 */

const ascii = (bytes: Uint8Array, from: number, to: number) =>
	String.fromCharCode(...bytes.subarray(from, to));

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
	bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

/** The media type the bytes carry, or null when they are none of the five we show. */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
		return 'image/webp';
	}
	// ISO base media: a box size, then "ftyp". HEIC and QuickTime share it: ask for an MP4 brand.
	if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && isMp4Brand(ascii(bytes, 8, 12))) {
		return 'video/mp4';
	}
	// EBML header; Matroska shares it, so the DocType must say webm.
	if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(bytes, 0, 64).includes('webm')) {
		return 'video/webm';
	}
	return null;
}

const MP4_BRANDS = ['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V '];

function isMp4Brand(brand: string): boolean {
	return MP4_BRANDS.includes(brand);
}

export type MediaCheck =
	{ ok: true; type: MediaType; extension: string } | { ok: false; problem: Problem };

/** The checks an upload passes before it is written anywhere: not empty, small enough, known kind. */
export function checkMedia(bytes: Uint8Array): MediaCheck {
	if (bytes.length === 0) return { ok: false, problem: { code: 'exercise-form.media-empty' } };
	const size = mediaTooBig(bytes.length);
	if (size) return { ok: false, problem: size };
	const type = sniffMediaType(bytes);
	if (!type) return { ok: false, problem: { code: 'exercise-form.media-unknown' } };
	return { ok: true, type, extension: MEDIA_TYPES[type] };
}

// Shared with the /media route's param matcher, which also runs in the browser.
export { MEDIA_FILE_NAME } from '../../shared/ids';
