import { io, type Socket } from 'socket.io-client';
import { ask, retryAfterRefusal } from '../src/lib/client/socket';
import { randomId } from '../src/lib/client/uuid';
import type { Entry, EntryPayload } from '../src/lib/shared/entries';
import type { AckResult, StaffAcks } from '../src/lib/shared/events';

/** 'saved' until the server acknowledges the commit; 'refused' is a test failure, kept to show. */
type OutboxState = 'saved' | 'synced' | 'refused';
type OutboxItem = { entry: Entry; state: OutboxState; sends: number; inFlight: boolean };

export type PhoneCounts = {
	created: number;
	sends: number;
	/** Sends of an id that had been sent before (its acknowledgement never came). */
	resends: number;
	syncedAcks: number;
	/** Acknowledgements saying the server already had the entry. */
	duplicateAcks: number;
	/** No answer in time while the socket stayed connected (a stalled link). */
	ackTimeouts: number;
	/** No answer because the socket disconnected first. */
	cutOff: number;
	refusals: number;
	retryable: number;
	connects: number;
	connectErrors: number;
};

/** How many entries one phone has on the wire at once. */
const WINDOW = 8;

/**
 * A technician's phone as the outbox protocol sees it: every entry gets its id on the phone,
 * waits in the outbox as 'saved', and turns 'synced' only on an { ok: true } acknowledgement
 * (which the server sends after its commit). Anything unacknowledged is sent again, with the
 * same id, whenever the socket is connected, until it is synced. The outbox here lives in
 * memory: what is under test is the wire and the server, not the phone's storage.
 */
export class FaultPhone {
	readonly counts: PhoneCounts = {
		created: 0,
		sends: 0,
		resends: 0,
		syncedAcks: 0,
		duplicateAcks: 0,
		ackTimeouts: 0,
		cutOff: 0,
		refusals: 0,
		retryable: 0,
		connects: 0,
		connectErrors: 0
	};
	readonly refusals: string[] = [];
	private readonly outbox = new Map<string, OutboxItem>();
	private readonly socket: Socket;
	private readonly stopRetrying: () => void;
	private readonly sweep: ReturnType<typeof setInterval>;
	private inFlight = 0;

	constructor(
		readonly deviceId: string,
		url: string,
		cookie: string,
		private readonly ackTimeoutMs = 2000
	) {
		this.socket = io(url, {
			transports: ['websocket'],
			extraHeaders: { cookie },
			reconnectionDelay: 100,
			reconnectionDelayMax: 1000,
			timeout: 3000
		});
		this.socket.on('connect', () => {
			this.counts.connects++;
			this.pump();
		});
		this.socket.on('connect_error', () => this.counts.connectErrors++);
		// A server that is still starting refuses in its middleware, and socket.io gives up then.
		this.stopRetrying = retryAfterRefusal(this.socket, 300);
		// The safety net a real phone has too: nothing sits unsent just because no event woke it.
		this.sweep = setInterval(() => this.pump(), 500);
	}

	record(sessionId: string, participantId: string, payload: EntryPayload): string {
		const entry: Entry = {
			id: randomId(),
			sessionId,
			participantId,
			recordedAt: Date.now(),
			deviceId: this.deviceId,
			payload
		};
		this.outbox.set(entry.id, { entry, state: 'saved', sends: 0, inFlight: false });
		this.counts.created++;
		this.pump();
		return entry.id;
	}

	ids(state?: OutboxState): string[] {
		return [...this.outbox.values()]
			.filter((item) => state === undefined || item.state === state)
			.map((item) => item.entry.id);
	}

	/** Entries still waiting to be sent or acknowledged (refused ones wait no more). */
	get pending(): number {
		return this.ids('saved').length;
	}

	close(): void {
		clearInterval(this.sweep);
		this.stopRetrying();
		this.socket.close();
	}

	private pump() {
		if (!this.socket.connected) return;
		for (const item of this.outbox.values()) {
			if (this.inFlight >= WINDOW) return;
			if (item.state === 'saved' && !item.inFlight) void this.send(item);
		}
	}

	private async send(item: OutboxItem) {
		item.inFlight = true;
		this.inFlight++;
		item.sends++;
		this.counts.sends++;
		if (item.sends > 1) this.counts.resends++;
		// ask() answers null on a timeout and, in socket.io 4.8, at once on a disconnect.
		const result = await ask<AckResult<StaffAcks['entry:record']>>(
			this.socket,
			'entry:record',
			item.entry,
			this.ackTimeoutMs
		);
		item.inFlight = false;
		this.inFlight--;
		if (result === null) {
			this.counts[this.socket.connected ? 'ackTimeouts' : 'cutOff']++;
		} else if (result.ok) {
			if (item.state !== 'synced') this.counts.syncedAcks++;
			if (result.duplicate) this.counts.duplicateAcks++;
			item.state = 'synced';
		} else if (result.retry) {
			// A passing failure (server trouble): the entry stays waiting, as in the app's outbox.
			this.counts.retryable++;
		} else {
			this.counts.refusals++;
			this.refusals.push(`${item.entry.id}: ${result.code}`);
			item.state = 'refused';
		}
		this.pump();
	}
}
