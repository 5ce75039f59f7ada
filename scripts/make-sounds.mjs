// Writes LTTH's built-in alert sounds (public/sounds/*.wav): short chimes synthesised here, so they are ours to
// ship under CC0 (see public/sounds/LICENSE.md). Run with `node scripts/make-sounds.mjs` after changing a sound.
import { writeFileSync } from 'node:fs';

const RATE = 22050;

/** A bell-like tone: a sine with two soft overtones and a quick attack, decaying exponentially. */
function tone(samples, start, freq, length, gain, decay = 6) {
  const from = Math.round(start * RATE);
  const count = Math.round(length * RATE);
  for (let i = 0; i < count && from + i < samples.length; i++) {
    const t = i / RATE;
    const envelope = Math.min(1, t / 0.006) * Math.exp(-decay * t);
    const wave = Math.sin(2 * Math.PI * freq * t) + 0.35 * Math.sin(4 * Math.PI * freq * t)
      + 0.12 * Math.sin(6 * Math.PI * freq * t);
    samples[from + i] += gain * envelope * wave;
  }
}

/** Noise through a moving one-pole filter: a soft whoosh. Seeded, so the file is the same on every run. */
function whoosh(samples, start, length, gain) {
  let seed = 7;
  let low = 0;
  const from = Math.round(start * RATE);
  const count = Math.round(length * RATE);
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const noise = seed / 1073741824 - 1;
    const p = i / count;
    const cut = 0.02 + 0.25 * Math.sin(Math.PI * p);
    low += cut * (noise - low);
    samples[from + i] += gain * Math.sin(Math.PI * p) * low * 3;
  }
}

function wav(name, seconds, draw) {
  const samples = new Float64Array(Math.round(seconds * RATE));
  draw(samples);
  const peak = samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round((v / peak) * 0.8 * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data.length, 4); header.write('WAVE', 8);
  header.write('fmt ', 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24); header.writeUInt32LE(RATE * 2, 28); header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34); header.write('data', 36); header.writeUInt32LE(data.length, 40);
  writeFileSync(new URL(`../public/sounds/${name}.wav`, import.meta.url), Buffer.concat([header, data]));
}

const C6 = 1046.5, E6 = 1318.5, G6 = 1568, C7 = 2093, A5 = 880, D6 = 1174.7, G5 = 784, E5 = 659.3;
wav('gift', 1.4, s => { [C6, E6, G6, C7].forEach((f, i) => tone(s, i * 0.09, f, 1.1, 1, 4)); });
wav('follow', 1.0, s => { tone(s, 0, G5, 0.9, 1, 5); tone(s, 0.14, D6, 0.85, 1, 5); });
wav('subscribe', 1.6, s => {
  [G5, C6, E6].forEach((f, i) => tone(s, i * 0.12, f, 0.5, 0.9, 7));
  [C6, E6, G6].forEach(f => tone(s, 0.4, f, 1.2, 0.8, 3));
});
wav('share', 0.8, s => { whoosh(s, 0, 0.55, 1); tone(s, 0.42, A5, 0.38, 0.5, 9); });
wav('like', 0.5, s => { tone(s, 0, E6, 0.45, 1, 14); tone(s, 0.05, A5 * 2, 0.4, 0.6, 14); });
wav('join', 0.6, s => { tone(s, 0, E5, 0.55, 1, 9); });
