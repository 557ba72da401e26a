import { timestamp, uuid, type ReferenceConfig } from 'drizzle-orm/pg-core';

/**
 * Column builders the tables share, so that every table spells an id, a time or a reference the
 * same way. They build exactly the columns the tables wrote out before (the migrations do not
 * change): `npx drizzle-kit generate` must keep saying "No schema changes".
 */

/** A row's id, made by the database. Rows whose id a phone makes use `uuid('id').primaryKey()`. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** Every time is stored with its zone; `precision: 3` keeps the milliseconds a phone sent. */
export const timestampTz = (name: string, precision?: 3) =>
	timestamp(name, { withTimezone: true, precision });

export const createdAt = () => timestampTz('created_at').notNull().defaultNow();

/** Coordinators archive what classes still point at instead of deleting it. */
export const createdAndArchived = () => ({
	createdAt: createdAt(),
	archivedAt: timestampTz('archived_at')
});

/** A reference every row must have (`uuid(name).notNull().references(...)`). */
export const requiredRef = (
	name: string,
	target: ReferenceConfig['ref'],
	actions?: ReferenceConfig['actions']
) => uuid(name).notNull().references(target, actions);
