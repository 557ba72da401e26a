// Writes the display's cue sounds to static/sounds as small WAV files: plain synthesized tones,
// made by this project and free to redistribute (CC0; see static/sounds/LICENSE.md).
// Run `node scripts/make-sounds.js` after changing a cue.
import fs from 'node:fs';
import path from 'node:path';

const RATE = 22050;

/** @param {[number, number, number?][]} notes [frequency Hz, seconds, gain] ... played one after another */
function render(notes) {
	/** @type {number[]} */
	const samples = [];
	for (const [frequency, seconds, gain = 0.6] of notes) {
		const count = Math.round(seconds * RATE);
		for (let i = 0; i < count; i++) {
			const t = i / RATE;
			// Short attack and release so the tones click neither in nor out.
			const envelope = Math.min(1, i / (0.01 * RATE), (count - i) / (0.04 * RATE));
			const tone = frequency ? Math.sin(2 * Math.PI * frequency * t) : 0;
			// A touch of the octave makes small TV speakers carry the tone better.
			const octave = frequency ? 0.25 * Math.sin(4 * Math.PI * frequency * t) : 0;
			samples.push(gain * envelope * (tone + octave) * 0.8);
		}
	}
	return samples;
}

/** @param {number[]} samples */
function wav(samples) {
	const data = Buffer.alloc(samples.length * 2);
	samples.forEach((s, i) =>
		data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2)
	);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0);
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVE', 8);
	header.write('fmt ', 12);
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(RATE, 24);
	header.writeUInt32LE(RATE * 2, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36);
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data]);
}

/** @type {Record<string, [number, number, number?][]>} */
const CUES = {
	tick: [[880, 0.12]],
	go: [
		[660, 0.12],
		[0, 0.04],
		[990, 0.3]
	],
	halfway: [
		[784, 0.12],
		[0, 0.08],
		[784, 0.12]
	],
	switch: [
		[700, 0.12],
		[0, 0.04],
		[525, 0.12],
		[0, 0.04],
		[700, 0.12],
		[0, 0.04],
		[525, 0.2]
	],
	rest: [
		[660, 0.2],
		[0, 0.03],
		[495, 0.35]
	],
	next: [
		[523, 0.14],
		[0, 0.03],
		[659, 0.14],
		[0, 0.03],
		[784, 0.25]
	],
	complete: [
		[523, 0.18],
		[659, 0.18],
		[784, 0.18],
		[1047, 0.6]
	]
};

const out = path.resolve('static/sounds');
fs.mkdirSync(out, { recursive: true });
for (const [name, notes] of Object.entries(CUES)) {
	fs.writeFileSync(path.join(out, `${name}.wav`), wav(render(notes)));
}
console.log(`Wrote ${Object.keys(CUES).length} cues to ${out}`);
