import { describe, expect, it } from 'vitest';
import { byteRange } from './byte-range';
import { MEDIA_FILE_NAME, MEDIA_MAX_BYTES, checkMedia, sniffMediaType } from './media-check';

const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(
		parts.flatMap((part) =>
			typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part
		)
	);
const padded = (head: Uint8Array, size = 64) => {
	const out = new Uint8Array(Math.max(size, head.length));
	out.set(head);
	return out;
};

const SAMPLES = {
	png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'),
	jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'),
	webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
	mp4: bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'),
	webm: bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm')
};

describe('media type from the bytes', () => {
	it('knows the five kinds the display shows', () => {
		expect(sniffMediaType(padded(SAMPLES.png))).toBe('image/png');
		expect(sniffMediaType(padded(SAMPLES.jpeg))).toBe('image/jpeg');
		expect(sniffMediaType(padded(SAMPLES.webp))).toBe('image/webp');
		expect(sniffMediaType(padded(SAMPLES.mp4))).toBe('video/mp4');
		expect(sniffMediaType(padded(SAMPLES.webm))).toBe('video/webm');
	});

	it('refuses look-alikes and other files, whatever they are called', () => {
		// A page saved as picture.png is still a page.
		expect(sniffMediaType(padded(bytes('<!doctype html><script>alert(1)</script>')))).toBeNull();
		expect(sniffMediaType(padded(bytes('GIF89a')))).toBeNull();
		expect(sniffMediaType(padded(bytes('%PDF-1.7')))).toBeNull();
		// RIFF without WEBP is a WAV or an AVI.
		expect(sniffMediaType(padded(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')))).toBeNull();
		// HEIC and QuickTime share the ISO box header, not the brand.
		expect(sniffMediaType(padded(bytes([0, 0, 0, 0x18], 'ftypheic')))).toBeNull();
		expect(sniffMediaType(padded(bytes([0, 0, 0, 0x14], 'ftypqt  ')))).toBeNull();
		// Matroska shares the EBML header with WebM.
		expect(sniffMediaType(padded(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f], 'matroska')))).toBeNull();
		// Too short to carry a signature at all.
		expect(sniffMediaType(bytes([0x89, 0x50]))).toBeNull();
	});
});

describe('upload checks', () => {
	it('accepts a known kind and names its extension', () => {
		expect(checkMedia(padded(SAMPLES.jpeg))).toEqual({
			ok: true,
			type: 'image/jpeg',
			extension: 'jpg'
		});
	});

	it('refuses an empty file, one over 5 MB, and one of another kind, each with a plain reason', () => {
		expect(checkMedia(new Uint8Array())).toEqual({
			ok: false,
			problem: { code: 'exercise-form.media-empty' }
		});
		expect(checkMedia(padded(SAMPLES.png, MEDIA_MAX_BYTES)).ok).toBe(true);
		expect(checkMedia(padded(SAMPLES.png, MEDIA_MAX_BYTES + 1))).toEqual({
			ok: false,
			problem: {
				code: 'exercise-form.media-too-big',
				params: { size: (MEDIA_MAX_BYTES + 1) / 1024 / 1024, max: 5 }
			}
		});
		expect(checkMedia(padded(bytes('GIF89a')))).toMatchObject({
			ok: false,
			problem: { code: 'exercise-form.media-unknown' }
		});
	});

	it('stored names are ours: no path, no other extension', () => {
		expect(MEDIA_FILE_NAME.test('0123456789abcdef0123456789abcdef.png')).toBe(true);
		expect(MEDIA_FILE_NAME.test('../0123456789abcdef0123456789abcdef.png')).toBe(false);
		expect(MEDIA_FILE_NAME.test('0123456789abcdef0123456789abcdef.svg')).toBe(false);
		expect(MEDIA_FILE_NAME.test('0123456789ABCDEF0123456789abcdef.png')).toBe(false);
	});
});

describe('byte ranges for video', () => {
	it('reads one range, clamps it to the file, and says when it is past the end', () => {
		expect(byteRange(null, 100)).toBeNull();
		expect(byteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
		expect(byteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
		expect(byteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
		expect(byteRange('bytes=-30', 100)).toEqual({ start: 70, end: 99 });
		expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
		expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
	});
});
