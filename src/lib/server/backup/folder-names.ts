import fs from 'node:fs';

/** The names in a folder; none when there is no such folder (nothing was ever written there). */
export function namesInFolder(dir: string): string[] {
	try {
		return fs.readdirSync(dir);
	} catch {
		return [];
	}
}
