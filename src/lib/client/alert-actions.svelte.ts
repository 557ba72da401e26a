import type { Socket } from 'socket.io-client';
import type { AlertAct, AlertActionView, ClassAlert } from '../shared/alerts';
import type { AckResult, StaffAcks } from '../shared/events';
import type { EntrySync } from './entry-sync.svelte';
import { ask } from './socket';
import { randomId } from './uuid';
import type { Problem } from '../i18n/problem';
import { refusalProblem } from './entry-problem';

const ACK_TIMEOUT_MS = 6000;
type Sendable = AlertAct['action'];

/**
 * What staff did about the class's alerts, on one phone: the stored actions (from the clipboard
 * and live from the other phones) and this phone's own, shown at once. Seen, recheck and stop
 * class are sent with an id the server recognises on a retry; one left unanswered is sent again
 * when the link is back. Sit out is an entry (persistent outbox); the server stores its action.
 */
export class AlertActions {
	#mine = $state<Record<string, AlertActionView>>({});
	#heard = $state<Record<string, AlertActionView>>({});
	/** Sent without an answer yet: not shown state, only what to send again. */
	#unsent: Record<string, AlertAct> = {};
	readonly #sync: EntrySync;
	readonly #socket: Socket;
	readonly #user: { id: string; name: string };
	readonly #sessionId: string;
	readonly #now: () => number;

	constructor(
		sessionId: string,
		user: { id: string; name: string },
		sync: EntrySync,
		socket: Socket,
		now: () => number
	) {
		this.#sessionId = sessionId;
		this.#user = user;
		this.#sync = sync;
		this.#socket = socket;
		this.#now = now;
	}

	get userId(): string {
		return this.#user.id;
	}

	/** Every action known here, oldest first, each once. */
	get all(): AlertActionView[] {
		// The server's word wins over this phone's own guess (its time, its first "seen").
		const byId: Record<string, AlertActionView> = { ...this.#mine };
		for (const a of this.#sync.clipboard?.alertActions ?? []) byId[a.id] = a;
		for (const a of Object.values(this.#heard)) byId[a.id] = a;
		return Object.values(byId).sort((a, b) => a.at - b.at);
	}

	of(entryId: string): AlertActionView[] {
		return this.all.filter((a) => a.entryId === entryId);
	}

	/** This person has seen or acted on the alert (on any of their phones). */
	handled(entryId: string): boolean {
		return this.all.some((a) => a.entryId === entryId && a.userId === this.#user.id);
	}

	start(): void {
		this.#socket.on('alert:acted', this.#onActed);
		this.#socket.on('connect', this.#flush);
	}

	stop(): void {
		this.#socket.off('alert:acted', this.#onActed);
		this.#socket.off('connect', this.#flush);
	}

	/** Seen, recheck or stop class: shown here at once, then stored. Null, or the refusal. */
	async act(alert: ClassAlert, action: Sendable): Promise<Problem | null> {
		const act: AlertAct = {
			id: randomId(),
			sessionId: this.#sessionId,
			entryId: alert.entry.entry.id,
			action
		};
		this.#mine[act.id] = this.#local(act.id, act.entryId, action);
		return this.#send(act);
	}

	/** Sit out from this second: an entry (through the outbox) that the server links to the alert. */
	async sitOut(alert: ClassAlert): Promise<Problem | null> {
		const participantId = alert.entry.entry.participantId;
		if (!participantId) return { code: 'entries.no-participant' };
		const result = await this.#sync.record(participantId, {
			kind: 'sit_out',
			alertId: alert.entry.entry.id
		});
		if (!result.ok) return result.problem;
		const entry = result.entry.entry;
		// From the second it was recorded, as the entry (and the server's action row) says.
		this.#mine[entry.id] = {
			...this.#local(entry.id, alert.entry.entry.id, 'sit_out'),
			at: entry.recordedAt
		};
		return null;
	}

	#local(id: string, entryId: string, action: AlertActionView['action']): AlertActionView {
		return {
			id,
			entryId,
			userId: this.#user.id,
			by: this.#user.name,
			action,
			at: Math.round(this.#now())
		};
	}

	async #send(act: AlertAct): Promise<Problem | null> {
		this.#unsent[act.id] = act;
		const answer = await ask<AckResult<StaffAcks['alert:act']>>(
			this.#socket,
			'alert:act',
			act,
			ACK_TIMEOUT_MS
		);
		// No answer, or a passing refusal: kept, and sent again when the link is back.
		if (!answer || (!answer.ok && answer.retry)) return null;
		delete this.#unsent[act.id];
		if (!answer.ok) {
			delete this.#mine[act.id];
			return refusalProblem(answer);
		}
		// The server's time; for a second "seen" of this person, the first one they made.
		if (answer.action.id !== act.id) delete this.#mine[act.id];
		this.#heard[answer.action.id] = answer.action;
		return null;
	}

	#flush = () => {
		for (const act of Object.values(this.#unsent)) void this.#send(act);
	};

	#onActed = ({ sessionId, action }: { sessionId: string; action: AlertActionView }) => {
		if (sessionId === this.#sessionId) this.#heard[action.id] = action;
	};
}
