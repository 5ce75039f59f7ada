// The overlays of the end-to-end benchmark (app.ltth.bench.EndToEndBenchmark): N socket.io clients in this process,
// apart from LTTH as OBS's browser sources are, each subscribed to gifts and chats as an event-feed overlay is.
// Usage: node overlay-clients.mjs <socket.io url> <clients> [event types, default gift,chat]
// The benchmark puts "<seq>@<epoch microseconds when sent>" in each event's nickname. This prints
//   "ready" once every client was greeted,
//   "d <seq>" when event <seq> has reached every client (the benchmark's closed loop waits for these),
//   "stats <received> <p50 ms> <p99 ms> <max ms>" when stdin says "stats": the latency of every (client, event) pair
//   since the last "stats", from sending to the fake TikTok until the client's handler ran.
import { io } from 'socket.io-client';
import { createInterface } from 'node:readline';

const url = process.argv[2];
const clients = Number(process.argv[3]);
const types = (process.argv[4] ?? 'gift,chat').split(',');
const nowMicros = () => (performance.timeOrigin + performance.now()) * 1000;

const waiting = new Map();   // seq -> how many clients have not received it yet
let latencies = [];
let lines = [];
const flush = () => {
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  lines = [];
};
const print = (line) => {
  if (lines.length === 0) setImmediate(flush);   // one write per turn of the event loop, not one per event
  lines.push(line);
};

function received(event) {
  const at = nowMicros();
  const nickname = event?.data?.user?.nickname ?? '';
  const mark = nickname.indexOf('@');
  if (mark < 0) return;   // not one of the benchmark's events
  const seq = nickname.slice(0, mark);
  latencies.push((at - Number(nickname.slice(mark + 1))) / 1000);
  const left = (waiting.get(seq) ?? clients) - 1;
  if (left === 0) {
    waiting.delete(seq);
    print('d ' + seq);
  } else {
    waiting.set(seq, left);
  }
}

let greeted = 0;
for (let i = 0; i < clients; i++) {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  socket.on('connect', () => socket.emit('ltth:hello', { subscribe: types.map((t) => 'tiktok:event:' + t) }));
  socket.once('tiktok:status', () => {
    if (++greeted === clients) print('ready');
  });
  socket.on('tiktok:event', received);
  socket.on('connect_error', (e) => {
    console.error('client ' + i + ' could not connect: ' + e.message);
    process.exit(1);
  });
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'stats') return;
  const sorted = Float64Array.from(latencies).sort();
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  print(`stats ${sorted.length} ${at(0.5).toFixed(2)} ${at(0.99).toFixed(2)} ${(sorted.length ? sorted[sorted.length - 1] : 0).toFixed(2)}`);
  latencies = [];
}).on('close', () => process.exit(0));
