import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalog';
import { LOCALES, negotiateLocale } from './locales';
import { refusalText } from '../shared/refusals';
import { formatDate, formatDay, formatWrittenDateTime, messageParts, translate } from './translate';

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The parameters a message reads, from its parsed form (a select's words are not parameters). */
function argumentNames(ast: Ast): string[] {
	return ast.flatMap((element) => {
		// Literals (type 0) carry words as their value, arguments their name; `#` has no value.
		const own = 'value' in element && element.type !== 0 ? [element.value] : [];
		const options = 'options' in element ? Object.values(element.options) : [];
		const children = 'children' in element ? argumentNames(element.children) : [];
		return [
			...own.map(String),
			...options.flatMap((option) => argumentNames(option.value)),
			...children
		];
	});
}

describe('the message catalogs', () => {
	it('give every key in every locale, and each message parses with the same parameters', () => {
		const keys = Object.keys(CATALOGS.en).sort();
		const names = (text: string, locale: string) =>
			[...new Set(argumentNames(new IntlMessageFormat(text, locale).getAst()))].sort();
		for (const locale of LOCALES) {
			expect(Object.keys(CATALOGS[locale]).sort()).toEqual(keys);
			for (const key of keys as (keyof typeof CATALOGS.en)[]) {
				const text = CATALOGS[locale][key];
				expect(text.trim(), `${locale} ${key}`).not.toBe('');
				expect(names(text, locale), `${locale} ${key}`).toEqual(names(CATALOGS.en[key], 'en'));
			}
		}
	});

	it('fills parameters and speaks Spanish where asked', () => {
		expect(translate('en', 'refusal.room-busy', { className: 'Aqua' })).toBe(
			'Aqua is running in this room: end it first'
		);
		expect(translate('es', 'refusal.room-busy', { className: 'Aqua' })).toBe(
			'Aqua está en curso en esta sala: termínela primero'
		);
		expect(
			translate('en', 'refusal.invalid-payload', { event: 'e', problem: 'p', field: 'none' })
		).toBe('Invalid e: p');
		expect(
			translate('en', 'refusal.invalid-payload', { event: 'e', problem: 'p', field: 'x.y' })
		).toBe('Invalid e: p (x.y)');
	});

	it("words an invalid payload whose problem is a catalog key, in the reader's language", () => {
		const reason = {
			code: 'invalid-payload',
			params: { event: 'entry:record', problem: 'field.required', field: 'note' }
		};
		expect(refusalText(reason, 'en')).toBe('Invalid entry:record: Fill this in. (note)');
		expect(refusalText(reason, 'es')).toContain('Complete este campo.');
	});

	it('splits a message around a slot for markup', () => {
		expect(messageParts('en', 'display.pair-how', ['menu'])).toEqual([
			{ text: "On a technician's phone, open " },
			{ slot: 'menu' },
			{ text: ' and enter:' }
		]);
	});
});

describe('the language of a browser', () => {
	it('is the first one Steady speaks, by weight, else English', () => {
		expect(negotiateLocale('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
		expect(negotiateLocale('fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4')).toBe('es');
		expect(negotiateLocale('en;q=0.2,es;q=0.8')).toBe('es');
		expect(negotiateLocale('de')).toBe('en');
		expect(negotiateLocale(null)).toBe('en');
		expect(negotiateLocale('es;q=0')).toBe('en');
	});
});

describe('dates in words', () => {
	it('writes a day, a date and an instant in one family, never in numbers', () => {
		expect(formatDate('en', '1941-03-14')).toBe('March 14, 1941');
		expect(formatDate('es', '1941-03-14')).toBe('14 de marzo de 1941');
		expect(formatDay('en', '2026-12-02')).toBe('Wednesday, December 2');
		expect(formatDay('en', '2026-12-02', true)).toBe('Wednesday, December 2, 2026');
		expect(formatWrittenDateTime('en', '2026-12-02T16:05:00Z', 'America/New_York')).toMatch(
			/^December 2, 2026.*11:05\sAM$/
		);
		expect(formatWrittenDateTime('es', '2026-12-02T16:05:00Z', 'Europe/Madrid')).toMatch(
			/^2 de diciembre de 2026.*17:05$/
		);
	});
});
