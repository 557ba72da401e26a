// `npm run test:pg`: the database tests again, on the PostgreSQL server at DATABASE_URL.
import { spawnSync } from 'node:child_process';

const url = process.env.DATABASE_URL;
if (!url) {
	console.error('test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://127.0.0.1:5432/test');
	process.exit(1);
}
const result = spawnSync('npx', ['vitest', 'run', 'db.spec'], {
	stdio: 'inherit',
	// The tests make (and drop) their own databases on that server; DATABASE_URL itself is untouched.
	env: { ...process.env, TEST_DATABASE_URL: url, DATABASE_URL: '' }
});
process.exit(result.status ?? 1);
