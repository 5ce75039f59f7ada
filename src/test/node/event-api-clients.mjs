// Widgets of TikFinity's Event API, written from its published shape (not from LTTH's code): each message is
// {"event": NAME, "data": DATA} with DATA flat as TikTok-Live-Connector's (legacy) events: the user's fields
// (userId, uniqueId, nickname, profilePictureUrl, followRole, isModerator, isSubscriber, teamMemberLevel, ...)
// beside the event's own, msgId and createTime as text.
// Usage: node event-api-clients.mjs <ws url> <clients> shape|load
//   shape: prints "ok <event> <json data>" for a message whose fields are all there with their types, or
//          "bad <event> <what is wrong>".
//   load:  gifts carry their sequence number in groupId (1, 2, 3, ...); when stdin says "count", prints
//          "count <clients that got every gift so far in order> <clients out of order> <fewest gifts of a client>".
// Prints "ready" once every client is connected.
import WebSocket from 'ws';
import { createInterface } from 'node:readline';

const [url, count, mode] = [process.argv[2], Number(process.argv[3]), process.argv[4]];

const user = { userId: 'string', uniqueId: 'string', nickname: 'string', profilePictureUrl: 'string',
  followRole: 'number', userBadges: 'array', isModerator: 'boolean', isNewGifter: 'boolean',
  isSubscriber: 'boolean', gifterLevel: 'number', teamMemberLevel: 'number', msgId: 'string', createTime: 'string' };
const fields = {
  chat: { ...user, comment: 'string' },
  gift: { ...user, giftId: 'number', repeatCount: 'number', repeatEnd: 'boolean', giftType: 'number',
    giftName: 'string', diamondCount: 'number', describe: 'string', giftPictureUrl: 'string', groupId: 'string',
    gift: 'object' },
  like: { ...user, likeCount: 'number', totalLikeCount: 'number' },
  follow: { ...user, displayType: 'string', label: 'string' },
  share: { ...user, displayType: 'string', label: 'string' },
  member: { ...user, actionId: 'number', label: 'string' },
  subscribe: { ...user, subMonth: 'number' },
  emote: { ...user, emoteId: 'string', emoteImageUrl: 'string' },
  questionNew: { ...user, questionText: 'string' },
  roomUser: { viewerCount: 'number', msgId: 'string', createTime: 'string' },
  envelope: { coins: 'number', canOpen: 'number', msgId: 'string', createTime: 'string' },
  streamEnd: { action: 'number', msgId: 'string', createTime: 'string' },
};

function typeOf(v) {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

function check(message) {
  const wanted = fields[message.event];
  if (!wanted) return 'unknown event';
  const wrong = Object.entries(wanted).filter(([k, t]) => typeOf(message.data?.[k]) !== t)
    .map(([k, t]) => k + ' is ' + typeOf(message.data?.[k]) + ', not ' + t);
  if (message.event === 'gift') {
    const g = message.data.gift;
    // the nested object old widgets read: gift_type 1 and repeat_end 0 is a streak still running
    if (g.gift_id !== message.data.giftId || g.repeat_count !== message.data.repeatCount
        || g.repeat_end !== (message.data.repeatEnd ? 1 : 0) || g.gift_type !== message.data.giftType) {
      wrong.push('gift.* differs from the flat fields');
    }
  }
  return wrong.join('; ');
}

const out = (line) => process.stdout.write(line + '\n');
const got = new Array(count).fill(0);   // load: gifts received in order, per client
const outOfOrder = new Array(count).fill(false);
let open = 0;
for (let i = 0; i < count; i++) {
  const ws = new WebSocket(url);
  ws.on('open', () => { if (++open === count) out('ready'); });
  ws.on('error', (e) => { console.error('client ' + i + ': ' + e.message); process.exit(1); });
  ws.on('close', (code) => { if (mode === 'load') console.error('client ' + i + ' closed: ' + code); });
  ws.on('message', (raw) => {
    const message = JSON.parse(raw.toString());
    if (mode === 'shape') {
      const wrong = check(message);
      out(wrong ? 'bad ' + message.event + ' ' + wrong : 'ok ' + message.event + ' ' + JSON.stringify(message.data));
    } else if (message.event === 'gift') {
      if (Number(message.data.groupId) === got[i] + 1) got[i]++; else outOfOrder[i] = true;
    }
  });
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'count') return;
  const good = got.filter((n, i) => !outOfOrder[i]).length;
  out('count ' + good + ' ' + outOfOrder.filter(Boolean).length + ' ' + Math.min(...got));
});
