import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { MEDIA_MAX_BYTES } from '../../../shared/media-types';
import { createdAt } from './columns';

/** PostgreSQL's byte string; both drivers hand it back as a Uint8Array (a Buffer is one). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

/**
 * Exercise pictures and videos, in the database so that every process of a cluster serves them
 * without a shared folder, and a database backup or replica carries them. Each is written once
 * under a random name (see media-store.ts) and never changed; an exercise names it. The size cap
 * is the upload's, held by the database too. The migration stores the bytes uncompressed out of
 * line (STORAGE EXTERNAL): a range request reads only its slice instead of the whole video.
 */
export const mediaFiles = pgTable(
	'media_files',
	{
		name: text('name').primaryKey(),
		type: text('type').notNull(),
		size: integer('size').notNull(),
		/** Taken at upload: backups copy it beside the file, a restore checks the copy against it. */
		sha256: text('sha256').notNull(),
		bytes: bytea('bytes').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		check(
			'media_files_size_cap',
			sql`octet_length(${t.bytes}) <= ${sql.raw(String(MEDIA_MAX_BYTES))}`
		),
		check('media_files_size_matches', sql`${t.size} = octet_length(${t.bytes})`)
	]
);
