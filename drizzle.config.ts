import { defineConfig } from 'drizzle-kit';

// Generation only needs the dialect: the same migrations run on PGlite and on PostgreSQL.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	strict: true,
	verbose: true
});
