/**
 * One byte range from a Range header ("bytes=0-", "bytes=100-199", "bytes=-500"), clamped to the
 * file. null means "send it all" (no header, or one we do not handle, such as several ranges).
 */
export function byteRange(
	header: string | null,
	size: number
): { start: number; end: number } | 'unsatisfiable' | null {
	const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
	if (!match || (match[1] === '' && match[2] === '')) return null;
	let start: number;
	let end: number;
	if (match[1] === '') {
		// A suffix: the last N bytes.
		start = Math.max(0, size - Number(match[2]));
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start >= size || start > end) return 'unsatisfiable';
	return { start, end };
}
