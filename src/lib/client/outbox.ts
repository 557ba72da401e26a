import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Problem } from '../i18n/problem';
import type { Entry } from '../shared/entries';
import type { Finding } from '../shared/rules';
import type { StoredEntry } from '../shared/roster';
import { randomId } from './uuid';

/**
 * The phone's outbox: every entry is written here, durably, before the screen says it was
 * saved, and stays until the server has committed it. IndexedDB works on plain http too, so
 * a clinic LAN without certificates still keeps everything.
 */

export type OutboxState = 'saved' | 'synced' | 'refused';

export type OutboxRecord = {
	entry: Entry;
	state: OutboxState;
	findings: Finding[];
	by: string;
	/** Who recorded it: only they send it (a shared phone never sends under someone else). */
	userId: string;
	at?: StoredEntry['at'];
	/** Why the server refused it, as a code worded on the page (shown to the technician; not retried). */
	problem?: Problem;
	/** The English reason kept by a phone before refusals were codes: shown when `problem` is absent. */
	error?: string;
	/**
	 * When the server answered for good. Committed copies are pruned after a day; waiting and
	 * refused entries are never pruned.
	 */
	settledAt?: number;
	/** When this phone stored it (its own clock): the unsent list shows only what lingers. */
	savedAt?: number;
	/** Names for the unsent list, kept with the entry: the class and participant pages may be gone. */
	className?: string;
	participantName?: string;
	/** A refused entry someone has seen in the unsent list: it leaves the list and is pruned later. */
	dismissedAt?: number;
};

interface OutboxDb extends DBSchema {
	outbox: { key: string; value: OutboxRecord; indexes: { session: string } };
}

const KEEP_SYNCED_MS = 24 * 60 * 60 * 1000;
let opened: Promise<IDBPDatabase<OutboxDb>> | null = null;

function database(): Promise<IDBPDatabase<OutboxDb>> {
	opened ??= openDB<OutboxDb>('steady-outbox', 1, {
		upgrade(db) {
			const store = db.createObjectStore('outbox', { keyPath: 'entry.id' });
			store.createIndex('session', 'entry.sessionId');
		},
		// The browser closed the connection (a phone asleep too long): open it again next time.
		terminated() {
			opened = null;
		}
	}).then(async (db) => {
		// Ask the browser not to evict this storage under pressure (granted silently where it can).
		void navigator.storage?.persist?.().catch(() => false);
		await pruneSynced(db);
		return db;
	});
	// A failed open is not kept: the next write tries again.
	opened.catch(() => (opened = null));
	return opened;
}

/**
 * 'strict' durability: the write is on disk, not just in the OS cache, before it counts as
 * done, so a phone that dies right after "Saved" still has it. The server's answer may be
 * written 'relaxed': if that write is lost, the entry is only sent again, and the server
 * answers "already have it".
 */
export async function putRecord(
	record: OutboxRecord,
	durability: 'strict' | 'relaxed' = 'strict'
): Promise<void> {
	try {
		await write(record, durability);
	} catch {
		// One retry on a fresh connection (a closed or broken handle), then the caller is told.
		opened = null;
		await write(record, durability);
	}
}

async function write(record: OutboxRecord, durability: 'strict' | 'relaxed'): Promise<void> {
	const db = await database();
	const tx = db.transaction('outbox', 'readwrite', { durability });
	// A plain copy: reactive proxies cannot be stored by IndexedDB (DataCloneError).
	const plain = JSON.parse(JSON.stringify(record)) as OutboxRecord;
	await Promise.all([tx.store.put(plain), tx.done]);
}

export async function recordsOf(sessionId: string): Promise<OutboxRecord[]> {
	const db = await database();
	return db.getAllFromIndex('outbox', 'session', sessionId);
}

/**
 * What this user still has on this phone, for any class: waiting to be sent, or refused and not
 * yet dismissed. Oldest first.
 */
export async function unsettledRecords(userId: string): Promise<OutboxRecord[]> {
	const db = await database();
	return (await db.getAll('outbox'))
		.filter(
			(record) =>
				record.userId === userId &&
				(record.state === 'saved' || (record.state === 'refused' && !record.dismissedAt))
		)
		.sort((a, b) => a.entry.recordedAt - b.entry.recordedAt);
}

/** Takes a refused entry out of the unsent list (it stays a day, then goes like a synced one). */
export async function dismissRefused(entryId: string): Promise<void> {
	const db = await database();
	const record = await db.get('outbox', entryId);
	if (record?.state !== 'refused') return;
	await putRecord({ ...record, dismissedAt: Date.now() });
}

/** What this user recorded on this phone and the server has not committed, for any class. */
export async function waitingRecords(userId: string): Promise<OutboxRecord[]> {
	const db = await database();
	return (await db.getAll('outbox'))
		.filter((record) => record.state === 'saved' && record.userId === userId)
		.sort((a, b) => a.entry.recordedAt - b.entry.recordedAt);
}

async function pruneSynced(
	db: IDBPDatabase<OutboxDb>,
	olderThanMs = KEEP_SYNCED_MS
): Promise<void> {
	const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
	for await (const cursor of tx.store) {
		const { state, settledAt, dismissedAt } = cursor.value;
		// Only committed copies go, and refused ones someone has dismissed: the rest stays.
		const since = state === 'synced' ? settledAt : state === 'refused' ? dismissedAt : undefined;
		if (since !== undefined && Date.now() - since >= olderThanMs) {
			await cursor.delete();
		}
	}
	await tx.done;
}

/** Drops every copy the server already has, and dismissed refusals (on sign-out); unsent entries stay. */
export async function forgetSynced(): Promise<void> {
	await pruneSynced(await database(), 0);
}

/** This phone's id, so each entry's history says which device wrote it. */
export function deviceId(): string {
	const key = 'steady-device-id';
	let id = localStorage.getItem(key);
	if (!id) {
		id = randomId();
		localStorage.setItem(key, id);
	}
	return id;
}
