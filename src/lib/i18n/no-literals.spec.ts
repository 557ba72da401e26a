import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

/**
 * Every component's words come from the message catalog: a word typed into markup fails here, by
 * file and text. A component not moved yet says so in its first line with NOT_YET (issue 12);
 * the marker goes when its words move, and this list of stragglers is printed with each run.
 */
export const NOT_YET = '<!-- words not yet in the message catalog (issue 12) -->';

/** Names that stay as they are in every language. */
const NAMES = new Set(['Steady']);

/** Attributes people read (or hear from a screen reader). */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'label']);

function svelteFiles(entry: string): string[] {
	return fs
		.readdirSync(entry, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.svelte'))
		.map((name) => path.join(entry, name));
}

const read = (file: string) => fs.readFileSync(file, 'utf8');

type Node = { type: string; data?: string; name?: string; value?: unknown; [key: string]: unknown };

/** Every piece of literal text a reader would see in the file's markup. */
export function literalWords(source: string): string[] {
	const found: string[] = [];
	const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !NAMES.has(text.trim());
	const visit = (node: unknown) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(visit);
		const n = node as Node;
		if (n.type === 'Text' && typeof n.data === 'string' && hasWords(n.data)) {
			found.push(n.data.trim());
		}
		if (n.type === 'Attribute' && n.name && READ_ATTRIBUTES.has(n.name) && Array.isArray(n.value)) {
			for (const part of n.value as Node[]) {
				if (part.type === 'Text' && hasWords(part.data ?? '')) {
					found.push(`${n.name}="${part.data}"`);
				}
			}
		}
		for (const [key, value] of Object.entries(n)) {
			// Attribute values were checked above: only the read ones count (class="..." does not).
			if (key === 'attributes') {
				for (const attribute of value as Node[]) {
					if (attribute.type === 'Attribute') visit({ ...attribute, value: attribute.value });
					else visit(attribute);
				}
			} else if (key !== 'value' && key !== 'instance' && key !== 'module' && key !== 'css') {
				visit(value);
			}
		}
	};
	visit(parse(source, { modern: true }).fragment);
	return found;
}

describe('pages in the message catalog', () => {
	it('type no words into their markup', () => {
		const sources = svelteFiles('src').map((file) => ({ file, source: read(file) }));
		const notYet = sources.filter(({ source }) => source.startsWith(NOT_YET));
		if (notYet.length) console.info(`not yet in the catalog: ${notYet.length} components`);
		const offenders = sources
			.filter(({ source }) => !source.startsWith(NOT_YET))
			.flatMap(({ file, source }) => literalWords(source).map((words) => `${file}: ${words}`));
		expect(offenders).toEqual([]);
	});

	it('catches a typed word, in text and in a read attribute, and lets markup alone be', () => {
		expect(literalWords('<p class="big">Paused</p>')).toEqual(['Paused']);
		expect(literalWords('<button aria-label="Hold to stop">{x}</button>')).toEqual([
			'aria-label="Hold to stop"'
		]);
		expect(literalWords('<p class="note" data-testid="n">{t("display.paused")} ·</p>')).toEqual([]);
	});
});
