import type { Locale } from '../i18n/locales';
import { Howl, Howler } from 'howler';
import type { CueKind } from './cues';

const FILES: Record<CueKind, string> = {
	tick: '/sounds/tick.wav',
	go: '/sounds/go.wav',
	halfway: '/sounds/halfway.wav',
	switch: '/sounds/switch.wav',
	rest: '/sounds/rest.wav',
	next: '/sounds/next.wav',
	complete: '/sounds/complete.wav'
};

/**
 * Cue sounds on the display. Browsers keep audio locked until someone taps; `unlocked` says
 * whether that happened, so the page can show "Tap to enable sound" instead of failing silently.
 */
export class DisplaySound {
	unlocked = $state(false);
	#howls: Partial<Record<CueKind, Howl>> = {};
	#volume = 0.8;
	#muted = false;

	constructor() {
		// Howler suspends an idle audio context after 30 s, which also drops the page's
		// "playing audio" exemption from timer throttling: a display must stay ready.
		Howler.autoSuspend = false;
		for (const [kind, src] of Object.entries(FILES) as [CueKind, string][]) {
			this.#howls[kind] = new Howl({ src: [src], preload: true });
		}
		this.#checkUnlocked();
	}

	/** Call from a tap: resumes the audio context (the gesture is what browsers require). */
	async unlock(): Promise<void> {
		const ctx = Howler.ctx;
		if (ctx && ctx.state !== 'running') await ctx.resume().catch(() => undefined);
		this.#checkUnlocked();
	}

	setVolume(volume: number, muted: boolean): void {
		this.#volume = Math.max(0, Math.min(100, volume)) / 100;
		this.#muted = muted;
		Howler.volume(this.#volume);
		Howler.mute(muted);
	}

	play(kind: CueKind): void {
		this.#checkUnlocked();
		if (!this.unlocked || this.#muted) return;
		this.#howls[kind]?.play();
	}

	/** Spoken exercise names, where the browser can speak. */
	/** Speaks `text` in `locale`, with a voice of that language where the device has one. */
	say(text: string, locale: Locale): void {
		if (!this.unlocked || this.#muted || !('speechSynthesis' in window)) return;
		const utterance = new SpeechSynthesisUtterance(text);
		utterance.lang = locale;
		const voice = voiceFor(locale);
		if (voice) utterance.voice = voice;
		utterance.volume = this.#volume;
		utterance.rate = 0.9;
		window.speechSynthesis.cancel();
		window.speechSynthesis.speak(utterance);
	}

	#checkUnlocked(): void {
		this.unlocked = Howler.ctx?.state === 'running';
	}
}

/** A voice of the language, the device's default one first; null when it has none. */
export function voiceFor(locale: Locale): SpeechSynthesisVoice | null {
	if (!('speechSynthesis' in window)) return null;
	const voices = window.speechSynthesis
		.getVoices()
		.filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === locale);
	return voices.find((voice) => voice.default) ?? voices[0] ?? null;
}
