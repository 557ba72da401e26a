import { crc32, deflateSync } from 'node:zlib';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { classSessions, enrollments, exercises, mediaFiles, routineBlocks } from '../db/schema';
import { sha256Of } from '../exercises/media-store';
import { handoutOf } from '../participants/handout';
import { demoClinicDatabase } from '../testing/demo-clinic';
import { handoutPdf } from './pdf';
import { pdfFileName } from './sheet';

/** The PDF of a handout: a real PDF, the font and the embeddable pictures inside, pages whole. */
let database: DatabaseHandle;
let clinicId: string;
let sessionId: string;
let participantId: string;
const now = new Date('2026-11-26T08:00:00Z');

/** A real 4x4 grey PNG (a decoder reads its pixels, so they must be there). */
function png(): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(4, 0);
	header.writeUInt32BE(4, 4);
	header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
	const rows = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, 40, 90, 160, 220])));
	return Buffer.concat([
		Buffer.from('89504e470d0a1a0a', 'hex'),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0))
	]);
}
const PNG = png();

beforeAll(async () => {
	({ database, clinicId } = await demoClinicDatabase(now));
	const [place] = await database.db
		.select({ participantId: enrollments.participantId, sessionId: classSessions.id })
		.from(enrollments)
		.innerJoin(classSessions, eq(classSessions.seriesId, enrollments.seriesId))
		.where(and(eq(enrollments.clinicId, clinicId), eq(enrollments.status, 'enrolled')))
		.orderBy(asc(classSessions.startsAt))
		.limit(1);
	({ participantId, sessionId } = place!);
});
afterAll(() => database.close());

/** How many pages, images and which fonts a PDF holds, read from its object dictionaries. */
function inside(pdf: Buffer) {
	const text = pdf.toString('latin1');
	return {
		pages: text.match(/\/Type \/Page\b/g)?.length ?? 0,
		images: text.match(/\/Subtype \/Image\b/g)?.length ?? 0,
		fonts: [...text.matchAll(/\/FontName \/(\w+\+)?([\w-]+)/g)].map((m) => m[2])
	};
}

describe('a handout PDF', () => {
	it('is a PDF with the Atkinson font embedded and a page per sheetful', async () => {
		const handout = await handoutOf(database.db, clinicId, participantId, { now, sessionId });
		const pdf = await handoutPdf(database.db, handout!, now);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
		const found = inside(pdf);
		expect(found.pages).toBeGreaterThanOrEqual(2);
		expect(found.fonts.some((name) => name!.startsWith('AtkinsonHyperlegibleNext'))).toBe(true);
		expect(found.images).toBe(0);
		expect(pdfFileName(handout!, now)).toMatch(/^handout-\d{4}-\d{2}-\d{2}\.pdf$/);
	});

	it('embeds a PNG picture, and names (does not embed) a webp one', async () => {
		const blocks = await database.db
			.select({ id: routineBlocks.exerciseId })
			.from(routineBlocks)
			.innerJoin(classSessions, eq(classSessions.routineVersionId, routineBlocks.routineVersionId))
			.where(and(eq(classSessions.id, sessionId), eq(routineBlocks.kind, 'exercise')))
			.orderBy(asc(routineBlocks.position));
		const ids = [...new Set(blocks.map((block) => block.id!))];
		const files = [
			{ name: `${'ab'.repeat(16)}.png`, type: 'image/png' },
			{ name: `${'cd'.repeat(16)}.webp`, type: 'image/webp' }
		];
		for (const [i, file] of files.entries()) {
			await database.db.insert(mediaFiles).values({
				name: file.name,
				type: file.type,
				size: PNG.length,
				sha256: sha256Of(PNG),
				bytes: PNG
			});
			await database.db
				.update(exercises)
				.set({ mediaFile: file.name, mediaType: file.type })
				.where(eq(exercises.id, ids[i]!));
		}
		const handout = await handoutOf(database.db, clinicId, participantId, { now, sessionId });
		expect(handout!.exercises.filter((exercise) => exercise.picture)).toHaveLength(2);
		const pdf = await handoutPdf(database.db, handout!, now);
		expect(inside(pdf).images).toBe(1);
	});
});
