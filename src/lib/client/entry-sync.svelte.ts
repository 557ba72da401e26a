import type { Socket } from 'socket.io-client';
import { activeEntries, entriesOf, findingsForEntry } from '../shared/clipboard';
import { entrySchema, type Entry, type EntryPayload } from '../shared/entries';
import type { AckResult, StaffAcks } from '../shared/events';
import type { ClassClipboard, StoredEntry } from '../shared/roster';
import { deviceId, putRecord, recordsOf, type OutboxRecord, type OutboxState } from './outbox';
import type { OutboxSender } from './outbox-sender.svelte';
import { ask } from './socket';
import { randomId } from './uuid';
import type { Problem } from '../i18n/problem';
import { firstProblem, problemText, refusalProblem } from './entry-problem';

export type ClipboardEntry = StoredEntry & {
	state: OutboxState;
	problem?: Problem;
	error?: string;
};

const ACK_TIMEOUT_MS = 6000;

const refused = (problem: Problem) => ({
	ok: false as const,
	problem,
	error: problemText(problem)
});

/**
 * The class's clipboard on one phone: the roster, everyone's entries, and this phone's outbox.
 * An entry is written to the outbox before anything says "saved", then handed to the tab's
 * OutboxSender (the layout's), which sends it with an acknowledgement; it shows as synced only
 * once the server has committed it. Unanswered sends are repeated with the same id (the server
 * keeps the first), so nothing is lost or doubled by a flaky link, a closed tab or a killed
 * server, and whatever is left when the page closes is sent from the next signed-in page.
 */
export class EntrySync {
	clipboard = $state<ClassClipboard | null>(null);
	#entries = $state<Record<string, ClipboardEntry>>({});
	readonly #sessionId: string;
	readonly #className: string;
	readonly #userName: string;
	readonly #userId: string;
	readonly #socket: Socket;
	readonly #sender: OutboxSender;
	#stopped = false;
	#unsubscribe: (() => void) | undefined;

	readonly #now: () => number;

	/**
	 * `now` is the phone's clock corrected to the server's, so entries line up with the routine.
	 * `sender` is the tab's one outbox sender: it sends, this page records and shows.
	 */
	constructor(
		session: { id: string; name: string },
		user: { id: string; name: string },
		socket: Socket,
		initial: ClassClipboard,
		now: () => number,
		sender: OutboxSender
	) {
		this.#sessionId = session.id;
		this.#className = session.name;
		this.#sender = sender;
		this.#now = now;
		this.#userName = user.name;
		this.#userId = user.id;
		this.#socket = socket;
		this.clipboard = initial;
		this.#mergeServer(initial.entries);
	}

	/** Every entry in the class, oldest first, with this phone's sync state. */
	get entries(): ClipboardEntry[] {
		return Object.values(this.#entries).sort((a, b) => a.entry.recordedAt - b.entry.recordedAt);
	}

	/** The entries that still count: not edited away, withdrawn, nor refused by the server. */
	get active(): ClipboardEntry[] {
		return activeEntries(this.entries.filter((e) => e.state !== 'refused')) as ClipboardEntry[];
	}

	get waiting(): number {
		return this.entries.filter((e) => e.state === 'saved').length;
	}

	async start(): Promise<void> {
		const stored = await recordsOf(this.#sessionId);
		// The page may have moved on while the outbox was read.
		if (this.#stopped) return;
		for (const record of stored.filter((r) => r.userId === this.#userId)) {
			const known = this.#entries[record.entry.id];
			// Committed by a send whose answer was lost: the page's data says so, the outbox learns it.
			if (record.state === 'saved' && known?.state === 'synced') {
				void putRecord({ ...record, state: 'synced', settledAt: Date.now() });
			}
			this.#merge(record);
		}
		const socket = this.#socket;
		socket.on('connect', this.#onConnect);
		socket.on('entry:recorded', this.#onRecorded);
		socket.on('roster:changed', this.#onRosterChanged);
		this.#unsubscribe = this.#sender.onSettled(this.#onSettled);
		if (socket.connected) this.#onConnect();
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
		this.#socket.off('connect', this.#onConnect);
		this.#socket.off('entry:recorded', this.#onRecorded);
		this.#socket.off('roster:changed', this.#onRosterChanged);
	}

	/**
	 * Records one entry: checked here first (out-of-range values never leave the phone), then
	 * stored durably, then sent. Resolves once it is safe on the phone.
	 */
	async record(
		participantId: string | null,
		payload: EntryPayload,
		supersedes?: string
	): Promise<
		| { ok: true; entry: ClipboardEntry }
		// `error`: the problem worded in the page's language, for callers without an I18n.
		| { ok: false; problem: Problem; error: string }
	> {
		const parsed = entrySchema.safeParse({
			id: randomId(),
			sessionId: this.#sessionId,
			participantId,
			...(supersedes ? { supersedes } : {}),
			recordedAt: Math.round(this.#now()),
			deviceId: deviceId(),
			payload
		});
		if (!parsed.success) return refused(firstProblem(parsed.error));
		const entry = parsed.data;
		const record: OutboxRecord = {
			entry,
			state: 'saved',
			findings: this.#findingsNow(entry),
			by: this.#userName,
			userId: this.#userId,
			savedAt: Date.now(),
			className: this.#className,
			participantName: this.clipboard?.roster.find((m) => m.participantId === participantId)
				?.displayName
		};
		try {
			await putRecord(record);
		} catch {
			return refused({ code: 'entries.phone-storage-failed' });
		}
		this.#merge(record);
		void this.#sender.send();
		return { ok: true, entry: this.#entries[entry.id]! };
	}

	async refresh(): Promise<void> {
		const answer = await ask<AckResult<StaffAcks['class:clipboard']>>(
			this.#socket,
			'class:clipboard',
			{ sessionId: this.#sessionId },
			ACK_TIMEOUT_MS
		);
		if (!answer?.ok) return;
		this.clipboard = answer.clipboard;
		this.#mergeServer(answer.clipboard.entries);
	}

	async search(query: string) {
		const answer = await ask<AckResult<StaffAcks['roster:search']>>(
			this.#socket,
			'roster:search',
			{ query },
			ACK_TIMEOUT_MS
		);
		return answer?.ok ? answer.participants : null;
	}

	async addWalkIn(participantId: string): Promise<Problem | null> {
		const answer = await ask<AckResult<StaffAcks['roster:walk-in']>>(
			this.#socket,
			'roster:walk-in',
			{ sessionId: this.#sessionId, participantId },
			ACK_TIMEOUT_MS
		);
		if (!answer) return { code: 'entries.walk-in-offline' };
		if (!answer.ok) return refusalProblem(answer);
		await this.refresh();
		return null;
	}

	#findingsNow(entry: Entry) {
		const earlier = entriesOf(this.active, 'vitals', entry.participantId ?? undefined).map(
			(e) => e.entry.payload.vitals
		);
		return findingsForEntry(entry.payload, this.clipboard?.rules ?? [], earlier);
	}

	#merge(record: ClipboardEntry): void {
		const known = this.#entries[record.entry.id];
		// Never step back from synced: a stale outbox read must not hide the server's answer.
		if (known?.state === 'synced' && record.state !== 'synced') return;
		this.#entries[record.entry.id] = { ...record };
	}

	#mergeServer(entries: StoredEntry[]): void {
		for (const stored of entries) {
			const known = this.#entries[stored.entry.id];
			this.#merge({ ...stored, state: 'synced' });
			// Committed by an earlier send whose answer never came: the outbox learns it too.
			if (known && known.state !== 'synced') {
				void putRecord({ ...stored, userId: this.#userId, state: 'synced', settledAt: Date.now() });
			}
		}
	}

	#onConnect = () => {
		// Back online: whatever waits goes out, and the page catches up with the other phones.
		void this.#sender.send();
		void this.refresh();
	};

	#onSettled = (record: OutboxRecord) => {
		if (record.entry.sessionId === this.#sessionId) this.#merge(record);
	};

	#onRecorded = (stored: StoredEntry) => {
		if (stored.entry.sessionId === this.#sessionId) this.#mergeServer([stored]);
	};

	#onRosterChanged = ({ sessionId }: { sessionId: string }) => {
		if (sessionId === this.#sessionId) void this.refresh();
	};
}
