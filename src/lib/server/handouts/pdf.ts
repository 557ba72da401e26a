import PDFDocument from 'pdfkit';
import regularFont from '@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-400-normal.woff?inline';
import boldFont from '@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-700-normal.woff?inline';
import { translator } from '../../i18n/translate';
import { handoutDosing } from '../../shared/handout-dosing';
import type { Database } from '../db/client';
import { readMedia } from '../exercises/media-store';
import type { Handout } from '../participants/handout';
import { SAFETY_KEYS, classDate } from './sheet';

/** Formats pdfkit can embed; a webp picture is named instead of shown. */
const EMBEDDABLE = ['image/png', 'image/jpeg'];

/** Sizes in points: body 16 (never under 14), cue 22, headings larger. Black on white. */
const BODY = 16;
const CUE = 22;
const HEADING = 20;
const TITLE = 28;
const MARGIN = 56;
const PICTURE_HEIGHT = 170;

/** The font files, bundled into the server as data URLs (the package is a build-time one). */
const fontBytes = (dataUrl: string) =>
	Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

/**
 * The handout as a PDF, the same content as the printed page: Atkinson Hyperlegible Next
 * embedded, large print, each exercise kept whole on one page.
 */
export async function handoutPdf(
	db: Database,
	handout: Handout,
	now = new Date()
): Promise<Buffer> {
	const t = translator(handout.language);
	const pictures = new Map<string, Buffer>();
	for (const exercise of handout.exercises) {
		const picture = exercise.picture;
		if (!picture || !EMBEDDABLE.includes(picture.type) || pictures.has(picture.file)) continue;
		const stored = await readMedia(db, picture.file);
		if (stored) pictures.set(picture.file, Buffer.from(stored.bytes));
	}

	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		lang: handout.language,
		displayTitle: true,
		info: { Title: t('handouts.pdf-title'), Author: handout.clinicName, CreationDate: now },
		bufferPages: true
	});
	doc.registerFont('body', fontBytes(regularFont));
	doc.registerFont('bold', fontBytes(boldFont));
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const width = doc.page.width - 2 * MARGIN;
	const text = (font: 'body' | 'bold', size: number, words: string, gap = 0.3) => {
		doc.font(font).fontSize(size).fillColor('#000').text(words, { width });
		doc.moveDown(gap);
	};
	const heightOf = (font: 'body' | 'bold', size: number, words: string) =>
		doc.font(font).fontSize(size).heightOfString(words, { width }) + size * 0.3;
	const bottom = () => doc.page.height - MARGIN;

	text('bold', BODY, t('handout.from', { clinic: handout.clinicName }));
	text('bold', TITLE, t('handout.title'));
	text('body', BODY + 2, t('handout.for', { name: handout.name }));
	if (handout.session) {
		text('body', BODY, t('handouts.class-of', { date: classDate(handout) }));
		text('bold', BODY, t('handouts.your-way', { tier: t(`support-tier.${handout.session.tier}`) }));
	}
	if (handout.routineName) {
		text('body', BODY, t('handout.routine', { routine: handout.routineName }));
	}
	doc.moveDown(0.5);

	if (handout.exercises.length === 0) text('body', BODY, t('handout.none', { name: handout.name }));
	handout.exercises.forEach((exercise, index) => {
		const picture = exercise.picture && pictures.get(exercise.picture.file);
		const dose = `${t('handout.how-much')}: ${handoutDosing(t, exercise.dosing)}`;
		const tierCue =
			exercise.tierCue && handout.session
				? t('handouts.tier-cue', {
						tier: t(`support-tier.${handout.session.tier}`),
						cue: exercise.tierCue
					})
				: null;
		const unshown =
			exercise.picture && !picture ? t('handouts.picture', { name: exercise.name }) : null;
		const title = `${index + 1}. ${exercise.name}`;
		// The exercise stays whole: if it does not fit below what is on the page, a new page.
		const needed =
			heightOf('bold', HEADING, title) +
			(picture ? PICTURE_HEIGHT + 12 : 0) +
			(unshown ? heightOf('body', BODY, unshown) : 0) +
			heightOf('bold', CUE, exercise.displayCue) +
			(tierCue ? heightOf('body', BODY, tierCue) : 0) +
			heightOf('body', BODY, dose) +
			24;
		if (doc.y + needed > bottom() && doc.y > MARGIN + 1) doc.addPage();
		text('bold', HEADING, title, 0.2);
		if (picture) {
			try {
				doc.image(picture, { fit: [width, PICTURE_HEIGHT] });
				doc.y += 12;
			} catch {
				// A file pdfkit cannot read: its name stands in for it.
				text('body', BODY, t('handouts.picture', { name: exercise.name }));
			}
		}
		if (unshown) text('body', BODY, unshown);
		text('bold', CUE, exercise.displayCue);
		if (tierCue) text('body', BODY, tierCue);
		text('body', BODY, dose, 0.4);
		doc
			.moveTo(MARGIN, doc.y)
			.lineTo(MARGIN + width, doc.y)
			.lineWidth(2)
			.stroke('#000');
		doc.moveDown(0.8);
	});

	const safety = [
		t('handout.safety-title') + ':',
		...SAFETY_KEYS.map((key) => `•  ${t(key)}`),
		t('handouts.call-clinic'),
		t('handouts.emergency'),
		t('handout.safety.own-pace')
	];
	const safetyHeight = safety.reduce((sum, line) => sum + heightOf('body', BODY, line), 0) + 40;
	if (doc.y + safetyHeight > bottom()) doc.addPage();
	const top = doc.y;
	doc.x = MARGIN + 12;
	const inner = width - 24;
	doc.y += 12;
	safety.forEach((line, i) => {
		const bold = i === 0 || line === t('handouts.emergency');
		doc
			.font(bold ? 'bold' : 'body')
			.fontSize(BODY)
			.fillColor('#000')
			.text(line, MARGIN + 12, doc.y, { width: inner });
		doc.moveDown(0.3);
	});
	doc
		.rect(MARGIN, top, width, doc.y - top + 6)
		.lineWidth(3)
		.stroke('#000');
	doc.x = MARGIN;
	doc.y += 24;

	if (handout.clinicContact) {
		const contact = [t('handouts.contact-title'), handout.clinicContact];
		if (doc.y + contact.reduce((s, l) => s + heightOf('body', BODY, l), 0) > bottom()) {
			doc.addPage();
		}
		text('bold', HEADING, contact[0]!);
		text('body', BODY, contact[1]!);
	}

	const range = doc.bufferedPageRange();
	for (let i = 0; i < range.count; i++) {
		doc.switchToPage(range.start + i);
		const words = t('handouts.page-of', { page: i + 1, pages: range.count });
		doc
			.font('body')
			.fontSize(14)
			.fillColor('#000')
			.text(words, MARGIN, doc.page.height - MARGIN + 14, {
				width,
				align: 'right',
				lineBreak: false
			});
	}
	doc.end();
	return done;
}
