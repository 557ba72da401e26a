import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One route as the file system defines it: a page, its form actions, its endpoint methods. */
export type RouteNode = {
	/** SvelteKit's route id, e.g. `/(app)/(coordinator)/participants/[participantId=uuid]`. */
	id: string;
	page: boolean;
	actions: string[];
	methods: string[];
};

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

/**
 * Every route under src/routes, read from the files themselves (not from a list someone keeps),
 * so a new page, action or endpoint shows up here the moment it is added.
 */
export function routeTree(root = path.resolve('src/routes')): RouteNode[] {
	const nodes: RouteNode[] = [];
	const visit = (dir: string) => {
		const entries = fs.readdirSync(dir, { withFileTypes: true });
		const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
		const has = (base: string) => ['.ts', '.js', '.svelte'].find((ext) => names.has(base + ext));
		const pageServer = has('+page.server');
		const endpoint = has('+server');
		const page = Boolean(has('+page') || pageServer);
		if (page || endpoint) {
			const relative = path.relative(root, dir).split(path.sep).join('/');
			nodes.push({
				id: `/${relative}`,
				page,
				actions: pageServer ? exportedObjectKeys(path.join(dir, `+page.server${pageServer}`)) : [],
				methods: endpoint ? exportedNames(path.join(dir, `+server${endpoint}`), HTTP_METHODS) : []
			});
		}
		for (const entry of entries) if (entry.isDirectory()) visit(path.join(dir, entry.name));
	};
	visit(root);
	return nodes.sort((a, b) => a.id.localeCompare(b.id));
}

function parse(file: string) {
	return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

const isExported = (node: ts.Node) =>
	ts.canHaveModifiers(node) &&
	(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The keys of `export const actions = { ... }` (with or without `satisfies` / a type). */
function exportedObjectKeys(file: string, name = 'actions'): string[] {
	for (const statement of parse(file).statements) {
		if (!ts.isVariableStatement(statement) || !isExported(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
			let value = declaration.initializer;
			while (value && (ts.isSatisfiesExpression(value) || ts.isAsExpression(value))) {
				value = value.expression;
			}
			if (!value || !ts.isObjectLiteralExpression(value)) {
				throw new Error(`${file}: export const ${name} is not an object literal`);
			}
			return value.properties.map((property) => {
				if (
					!property.name ||
					!(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
				) {
					throw new Error(`${file}: an action without a plain name`);
				}
				return property.name.text;
			});
		}
	}
	return [];
}

/** Exported functions or consts among `candidates` (an endpoint's HTTP methods). */
function exportedNames(file: string, candidates: string[]): string[] {
	const found: string[] = [];
	for (const statement of parse(file).statements) {
		if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
			found.push(statement.name.text);
		} else if (ts.isVariableStatement(statement) && isExported(statement)) {
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name)) found.push(declaration.name.text);
			}
		} else if (ts.isExportDeclaration(statement) && statement.exportClause) {
			if (ts.isNamedExports(statement.exportClause)) {
				for (const element of statement.exportClause.elements) found.push(element.name.text);
			}
		}
	}
	return found.filter((name) => candidates.includes(name));
}
