import type { Socket } from 'socket.io-client';
import type {
	AckResult,
	DisplayAcks,
	DisplayClientEvents,
	DisplayServerEvents
} from '../shared/events';
import type { Locale } from '../i18n/locales';
import type { DisplaySettings, DisplaySnapshot, LiveClassView } from '../shared/live';
import type { DisplayCommandType } from '../shared/displays';
import type { LogEntry } from '../shared/timeline';
import type { ClockSync } from './clock-sync';
import { mergeEntries, receiveEntry } from './live-log';
import { askerFor, closeLink, followConnection, type Asker } from './live-link';
import { clockOver, createSocket, retryAfterRefusal } from './socket';
import { randomId } from './uuid';

const TOKEN_KEY = 'steady.display.token';

type DisplaySocket = Socket<DisplayServerEvents, DisplayClientEvents>;
export type Pairing = { code: string; expiresAt: string; pairUrl: string };

/**
 * A wall display's link to the server: pairing, the room's snapshot, live commands, clock sync.
 * The display keeps running from its own corrected clock when the link drops; this only says so.
 */
export class DisplayConnection {
	phase = $state<'connecting' | 'unpaired' | 'paired'>('connecting');
	online = $state(false);
	pairing = $state<Pairing | null>(null);
	snapshot = $state<DisplaySnapshot | null>(null);
	/** The live class; its log grows in place, `version` tells the view to recompute. */
	live = $state<LiveClassView | null>(null);
	version = $state(0);
	settings = $state<DisplaySettings>({ volume: 80, muted: false, speakExerciseNames: true });
	/** A phone asked to see which screen this is: the name to show, and a count per request. */
	identify = $state<{ name: string; count: number } | null>(null);
	readonly clock: ClockSync;
	readonly #socket: DisplaySocket;
	readonly #ask: Asker<DisplayClientEvents, DisplayAcks>;
	#secret = '';
	#pairingTimer: ReturnType<typeof setTimeout> | undefined;
	#cleanups: (() => void)[] = [];
	#clientSeq = 0;
	#voice: { locale: Locale; hasVoice: boolean } | null = null;

	constructor() {
		this.#socket = createSocket<DisplayServerEvents, DisplayClientEvents>('/display', {
			auth: (cb) => cb({ token: localStorage.getItem(TOKEN_KEY) ?? '' })
		}) as DisplaySocket;
		this.clock = clockOver(this.#socket as unknown as Socket);
		this.#ask = askerFor(this.#socket as unknown as Socket);
	}

	start(): void {
		const socket = this.#socket;
		followConnection(socket as unknown as Socket, this, {
			connected: () => void this.#greet(),
			// A server-side disconnect is not retried by socket.io; a display always comes back.
			disconnected: (reason) => {
				if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
			},
			refused: (code) => {
				if (code === 'unpaired') this.#forgetToken();
			}
		});
		socket.on('pairing:paired', () => void this.#collectToken());
		socket.on('display:snapshot', (snapshot) => this.#apply(snapshot));
		socket.on('display:settings-changed', (settings) => (this.settings = settings));
		socket.on('display:revoked', () => {
			this.#forgetToken();
			socket.disconnect().connect();
		});
		socket.on('class:applied', ({ sessionId, entry }) => this.#receive(sessionId, entry));
		socket.on('display:show-name', ({ name }) => {
			this.identify = { name, count: (this.identify?.count ?? 0) + 1 };
		});
		this.#cleanups.push(retryAfterRefusal(socket as unknown as Socket));
		socket.connect();
	}

	stop(): void {
		clearTimeout(this.#pairingTimer);
		closeLink(this.#socket as unknown as Socket, this.clock, this.#cleanups);
	}

	/** Re-sync the clock and the class after the page was hidden or the link came back. */
	resync(): void {
		if (!this.#socket.connected) return;
		void this.clock.sync();
		if (this.phase === 'paired') void this.#greet();
	}

	/**
	 * A clicker's command for the live class, with an id the server recognises if it is sent
	 * again. Null when no answer came (the display is offline): a clicker press is not queued,
	 * since by the time the link is back the moment for it has passed.
	 */
	async command(
		type: DisplayCommandType
	): Promise<AckResult<DisplayAcks['display:command']> | null> {
		const live = this.live;
		if (!live || !this.#socket.connected) return null;
		return this.#ask('display:command', {
			sessionId: live.sessionId,
			clientCommandId: randomId(),
			clientSeq: ++this.#clientSeq,
			command: { type }
		});
	}

	/**
	 * Tells the server whether this screen can speak the language it shows (the phones say so
	 * when it cannot), now and again after every reconnect.
	 */
	reportVoice(locale: Locale, hasVoice: boolean): void {
		this.#voice = { locale, hasVoice };
		if (this.phase === 'paired' && this.#socket.connected) {
			void this.#ask('display:voice', this.#voice);
		}
	}

	async #greet(): Promise<void> {
		if (!localStorage.getItem(TOKEN_KEY)) return this.#requestPairing();
		const hello = await this.#ask('display:hello', {});
		if (hello?.ok) {
			this.#apply(hello.snapshot);
			if (this.#voice) void this.#ask('display:voice', this.#voice);
		}
	}

	#apply(snapshot: DisplaySnapshot): void {
		this.phase = 'paired';
		this.pairing = null;
		this.snapshot = snapshot;
		this.settings = snapshot.settings;
		this.live = snapshot.live;
		this.version++;
	}

	#receive(sessionId: string, entry: LogEntry): void {
		const live = this.live;
		if (!live || live.sessionId !== sessionId) return void this.#greet();
		const receipt = receiveEntry(live.log, entry);
		if (receipt === 'gap') return void this.#fillGap(live);
		if (receipt === 'appended') this.version++;
	}

	async #fillGap(live: LiveClassView): Promise<void> {
		const afterSeq = live.log.at(-1)?.seq ?? 0;
		const result = await this.#ask('class:log-since', { sessionId: live.sessionId, afterSeq });
		if (result?.ok) {
			mergeEntries(live.log, result.entries);
			this.version++;
		}
	}

	async #requestPairing(): Promise<void> {
		this.phase = 'unpaired';
		const result = await this.#ask('pairing:request', {});
		if (!result?.ok) return;
		this.#secret = result.secret;
		this.pairing = { code: result.code, expiresAt: result.expiresAt, pairUrl: result.pairUrl };
		clearTimeout(this.#pairingTimer);
		// A fresh code shortly before this one expires.
		const refreshIn = Math.max(5000, Date.parse(result.expiresAt) - Date.now() - 15_000);
		this.#pairingTimer = setTimeout(() => void this.#requestPairing(), refreshIn);
	}

	async #collectToken(): Promise<void> {
		if (!this.pairing) return;
		const result = await this.#ask('pairing:claim', {
			code: this.pairing.code,
			secret: this.#secret
		});
		if (!result?.ok) return;
		localStorage.setItem(TOKEN_KEY, result.token);
		clearTimeout(this.#pairingTimer);
		// Reconnect so the server knows this socket as the paired display.
		this.#socket.disconnect().connect();
	}

	#forgetToken(): void {
		localStorage.removeItem(TOKEN_KEY);
		this.phase = 'unpaired';
		this.snapshot = null;
		this.live = null;
	}
}
