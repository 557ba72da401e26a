import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { delayUntil, pruneBackups } from './backup-service';
import { backupFileName } from './format';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-prune-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the backup schedule', () => {
	it('waits until the next BACKUP_AT in local time, tomorrow once it has passed', () => {
		const at = { hour: 2, minute: 30 };
		const evening = new Date(2026, 10, 27, 22, 0, 0);
		expect(delayUntil(at, evening)).toBe(4.5 * 60 * 60 * 1000);
		const justBefore = new Date(2026, 10, 28, 2, 29, 0);
		expect(delayUntil(at, justBefore)).toBe(60 * 1000);
		const exactly = new Date(2026, 10, 28, 2, 30, 0);
		expect(delayUntil(at, exactly)).toBe(24 * 60 * 60 * 1000);
	});

	it('keeps the newest BACKUP_KEEP backups and touches no other file', async () => {
		const names = [1, 2, 3, 4].map((day) => backupFileName(new Date(Date.UTC(2026, 10, day))));
		for (const name of [...names, 'notes.txt']) fs.writeFileSync(path.join(tmp, name), '');
		expect(await pruneBackups(tmp, 2)).toBe(2);
		expect(fs.readdirSync(tmp).sort()).toEqual([...names.slice(2), 'notes.txt'].sort());
	});

	it('deletes no media copy while a kept backup cannot be read', async () => {
		const media = path.join(tmp, 'media');
		const copy = path.join(media, `${'a'.repeat(32)}.png`);
		fs.mkdirSync(media);
		fs.writeFileSync(copy, 'picture');
		fs.utimesSync(copy, new Date(2020, 0, 1), new Date(2020, 0, 1));
		// The kept backups above are empty files: nobody can say which media they name.
		expect(await pruneBackups(tmp, 2)).toBe(0);
		expect(fs.existsSync(copy)).toBe(true);
	});
});
