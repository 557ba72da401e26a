// `npm start`: build when the sources are newer than the build, then run the production server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtFile = path.join(root, 'build', 'handler.js');
const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** @param {string} target @returns {number} */
function newestChange(target) {
	const full = path.join(root, target);
	if (!fs.existsSync(full)) return 0;
	const stat = fs.statSync(full);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return fs
		.readdirSync(full, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.reduce((newest, entry) => {
			return Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
		}, 0);
}

const builtAt = fs.existsSync(builtFile) ? fs.statSync(builtFile).mtimeMs : 0;
const sourcesAt = Math.max(...inputs.map(newestChange));
if (sourcesAt > builtAt) {
	console.log(builtAt ? 'Sources changed since the last build: building…' : 'Building Steady…');
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules/vite/bin/vite.js'), 'build'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('../server/index.js');
