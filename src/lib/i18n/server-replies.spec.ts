import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Server replies carry codes, not prose (issue 12): a sentence typed into a route's code (server
 * or page helpers), a service under src/lib/server, the browser's src/lib/client or the code both
 * share (src/lib/shared: schemas, rules, labels), where a user could read it, fails here. Logs, thrown
 * programming errors and the seed's demo content are not replies and are let be.
 */
const ROOTS = [
	'src/routes',
	'src/lib/server',
	'src/lib/client',
	'src/lib/shared',
	'src/hooks.server.ts'
];
const NOT_REPLIES = [
	/\.spec\.ts$/,
	// Demo and test content: names of rooms, classes and people, not words of the interface.
	/lib\/server\/db\/seed\//,
	/lib\/server\/realtime\/test-server\.ts$/,
	/lib\/shared\/timeline\/(fixtures|arbitraries)\.ts$/,
	// The shipped rules: the English record a stored finding keeps, and citations (the pages word
	// findings from their codes).
	/lib\/shared\/rule-defaults\.ts$/,
	// The operator's console: `npm run user:create` and the start-up banner, in English.
	/lib\/server\/auth\/users\.ts$/,
	/lib\/server\/db\/prepare\.ts$/,
	// Exports: the code systems' own displays (LOINC, SNOMED CT, HL7), the standard's words in a
	// FHIR file, not the interface's; and the exports specs' made-up class.
	/lib\/server\/exports\/(fhir-codes|testing)\.ts$/
];

/** "No such room." / "Sign in first": a capital, then words; not a key, path or SQL. */
const SENTENCE = /^[A-Z][a-z’']*( [\w’'"“”(),.:;-]+)+[.!?]?$/;

function serverFiles(root: string): string[] {
	if (root.endsWith('.ts')) return [root];
	return fs
		.readdirSync(root, { recursive: true, encoding: 'utf8' })
		.map((name) => path.join(root, name))
		.filter((file) => /(^|\/)(\+server|\+page\.server|\+layout\.server|[\w-]+)\.ts$/.test(file))
		.filter((file) => !NOT_REPLIES.some((pattern) => pattern.test(file)));
}

function isLogOrThrow(node: ts.Node): boolean {
	for (let up = node.parent; up; up = up.parent) {
		if (ts.isThrowStatement(up)) return true;
		if (ts.isCallExpression(up) && ts.isPropertyAccessExpression(up.expression)) {
			const target = up.expression.expression.getText();
			if (/(^|\.)(log|logger|console)$/.test(target)) return true;
		}
		if (ts.isImportDeclaration(up) || ts.isExportDeclaration(up)) return true;
	}
	return false;
}

/** Sentences in a server file that are neither logged nor thrown at a programmer. */
export function sentencesIn(source: string, file = 'x.ts'): string[] {
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (
			(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
			SENTENCE.test(node.text) &&
			!isLogOrThrow(node)
		) {
			found.push(node.text);
		}
		if (
			ts.isTemplateExpression(node) &&
			SENTENCE.test(node.head.text + 'x') &&
			!isLogOrThrow(node)
		) {
			found.push(node.getText());
		}
		ts.forEachChild(node, visit);
	};
	visit(tree);
	return found;
}

describe('server replies', () => {
	it('carry codes: no sentence typed into route server code or a service', () => {
		const offenders = ROOTS.flatMap(serverFiles).flatMap((file) =>
			sentencesIn(fs.readFileSync(file, 'utf8'), file).map((text) => `${file}: ${text}`)
		);
		expect(offenders).toEqual([]);
	});

	it('catch a refusal in prose, and let logs, throws and keys be', () => {
		expect(sentencesIn(`fail(400, { message: 'No such room.' })`)).toEqual(['No such room.']);
		expect(sentencesIn('error(404, `No such ${thing} here`)')).toHaveLength(1);
		expect(
			sentencesIn(`
				app.log.info({ id }, 'Room added to the clinic');
				throw new Error('Migration failed: run it again');
				error(404, 'error.no-such-class');
			`)
		).toEqual([]);
	});
});
