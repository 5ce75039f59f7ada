// Writes randomized WebCast push frames with tiktok-live-connector's own protobuf encoders, one JSON line per
// frame: {"frame": base64, "expected": [...]} where "expected" lists, in LTTH's terms, every value put in.
// WebcastCrossCheckTest decodes the frames with LTTH's codec and compares every field.
// Usage: node make-frames.mjs <frames> <seed>
import * as tt from 'tiktok-live-connector';
import { gzipSync } from 'node:zlib';

const frames = Number(process.argv[2] ?? 100);
let seed = Number(process.argv[3] ?? 1) >>> 0;
const rand = () => {   // mulberry32: the same seed gives the same frames
  seed = (seed + 0x6D2B79F5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];
// Ids beyond 2^53: any lossy number handling on the way shows up as a mismatch.
const bigId = () => (7_000_000_000_000_000_000n + BigInt(int(1e9)) * 1000n + BigInt(int(1000))).toString();
// The package's encoders need complete messages: start from the defaults (decoding zero bytes) and set fields.
const EMPTY = new Uint8Array(0);
const make = (type, fields) => Object.assign(type.decode(EMPTY), fields);
const encode = (type, fields) => type.encode(make(type, fields)).finish();
const TEXTS = ['hello 👋', '<img src=x onerror=alert(1)>', 'Grüße aus Köln', 'さくら🌸', '"quotes" & \\ backslash', 'أهلا'];

function user() {
  const id = bigId();
  return {
    expected: { id, uniqueId: 'user_' + int(1e6), nickname: pick(TEXTS) },
    proto: null,
  };
}
function protoUser(u) {
  return make(tt.User, { id: u.id, displayId: u.uniqueId, nickname: u.nickname });
}
function common(createTime, key = '') {
  return make(tt.CommonMessageData, { createTime: String(createTime), displayText: make(tt.MessageCommonText, { key }) });
}
const image = (url) => make(tt.ImageModel, { urlList: [url] });

const makers = [
  () => {
    const u = user().expected, comment = pick(TEXTS), ts = 1_700_000_000_000 + int(1e9);
    return ['WebcastChatMessage', encode(tt.WebcastChatMessage, 
      { common: common(ts), user: protoUser(u), content: comment }),
      { type: 'chat', user: u, comment, timestamp: ts }];
  },
  () => {
    const u = user().expected, streakable = rand() < 0.7, repeatEnd = rand() < 0.5;
    const g = { giftId: String(5000 + int(2000)), giftName: pick(['Rose', 'Finger Heart', 'Lion', 'Galaxy 🌌']),
      diamondCount: 1 + int(30000), repeatCount: 1 + int(99), groupId: bigId(), imageUrl: 'https://p16/' + int(1e6) + '.webp' };
    const msg = { common: common(1_700_000_000_000), user: protoUser(u), giftId: g.giftId, repeatCount: g.repeatCount,
      repeatEnd: repeatEnd ? 1 : 0, groupId: g.groupId,
      gift: make(tt.Gift, { id: g.giftId, name: g.giftName, diamondCount: g.diamondCount, type: streakable ? 1 : 2,
        image: image(g.imageUrl) }) };
    return ['WebcastGiftMessage', encode(tt.WebcastGiftMessage, msg),
      { type: 'gift', user: u, ...g, repeatEnd, streakable }];
  },
  () => {
    const u = user().expected, likeCount = 1 + int(15), totalLikes = String(int(1e12));
    return ['WebcastLikeMessage', encode(tt.WebcastLikeMessage, 
      { common: common(1), user: protoUser(u), count: likeCount, total: totalLikes }),
      { type: 'like', user: u, likeCount, totalLikes }];
  },
  () => {
    const u = user().expected, follow = rand() < 0.5, byKey = rand() < 0.5;
    const key = byKey ? (follow ? 'pm_main_follow_message_viewer_2' : 'pm_mt_guidance_viewer_' + int(20) + '_share') : '';
    return ['WebcastSocialMessage', encode(tt.WebcastSocialMessage, 
      { common: common(1, key), user: protoUser(u),
        action: String(byKey ? (follow ? 3 : 1) : (follow ? 1 : 3)) }),   // with a key, the key wins
      { type: follow ? 'follow' : 'share', user: u }];
  },
  () => {
    const u = user().expected;
    return ['WebcastMemberMessage', encode(tt.WebcastMemberMessage, 
      { common: common(1), user: protoUser(u), action: 1 }), { type: 'join', user: u }];
  },
  () => {
    const viewerCount = String(int(1e6));
    const top = [1, 2, 3].map((rank) => ({ rank, coins: String(int(1e5)), user: user().expected }));
    return ['WebcastRoomUserSeqMessage', encode(tt.WebcastRoomUserSeqMessage, 
      { common: common(1), total: viewerCount,
        ranks: top.map((t) => make(tt.Contributor, { rank: String(t.rank), score: t.coins, user: protoUser(t.user) })) }),
      { type: 'viewers', viewerCount, top }];
  },
  () => {
    const u = user().expected, months = 1 + int(24);
    return ['WebcastSubNotifyMessage', encode(tt.WebcastSubNotifyMessage, 
      { common: common(1), user: protoUser(u), subMonth: String(months) }), { type: 'subscribe', user: u, months }];
  },
  () => {
    const action = pick([3, 4]);
    return ['WebcastControlMessage', encode(tt.WebcastControlMessage, 
      { common: common(1), action }),
      { type: 'streamEnd', reason: action === 3 ? 'ended by the streamer' : 'ended by TikTok' }];
  },
  () => {
    const u = user().expected, emoteId = 'e' + int(1e6), imageUrl = 'https://p16/emote/' + int(1e6) + '.png';
    return ['WebcastEmoteChatMessage', encode(tt.WebcastEmoteChatMessage, 
      { common: common(1), user: protoUser(u), emoteList: [make(tt.EmoteModel, { emoteId, image: image(imageUrl) })] }),
      { type: 'emote', user: u, emoteId, imageUrl }];
  },
  () => {
    const u = user().expected, question = pick(TEXTS) + '?';
    return ['WebcastQuestionNewMessage', encode(tt.WebcastQuestionNewMessage, 
      { common: common(1), data: make(tt.Question, { questionId: bigId(), content: question, user: protoUser(u) }) }),
      { type: 'question', user: u, question }];
  },
  () => {   // a battle starts or ends: results per host in a map keyed by the host's id
    const end = rand() < 0.5, battleId = bigId();
    const teams = [0, 1].map(() => ({ hostId: bigId(), score: String(int(1e6)), won: false }));
    if (end) teams[int(2)].won = true;
    const battleResult = {};
    for (const t of teams) battleResult[t.hostId] = make(tt.BattleResult, { userId: t.hostId, score: t.score, result: t.won ? 0 : 1 });
    teams.sort((a, b) => (a.hostId < b.hostId ? -1 : 1));
    return ['WebcastLinkMicBattle', encode(tt.WebcastLinkMicBattle,
      { common: common(1), battleId, action: end ? 5 : 4, battleResult }),
      { type: 'battle', battleId, phase: end ? 'end' : 'start', teams }];
  },
  () => {   // a battle's running score
    const battleId = bigId();
    const teams = [0, 1].map(() => ({ hostId: bigId(), score: String(int(1e6)), won: false }));
    const armies = {};
    for (const t of teams) armies[t.hostId] = make(tt.BattleUserArmies, { hostscore: t.score, anchorIdStr: t.hostId });
    teams.sort((a, b) => (a.hostId < b.hostId ? -1 : 1));
    return ['WebcastLinkMicArmies', encode(tt.WebcastLinkMicArmies, { common: common(1), battleId, armies }),
      { type: 'battle', battleId, phase: 'score', teams }];
  },
  () => {   // the host's own TikTok LIVE goal
    const goalId = bigId(), description = pick(TEXTS), progress = String(int(1000)), target = String(1000 + int(1000));
    return ['WebcastGoalUpdateMessage', encode(tt.WebcastGoalUpdateMessage,
      { common: common(1), goal: make(tt.LiveStreamGoal, { id: goalId, idStr: goalId, description,
        subGoals: [make(tt.LiveStreamSubGoal, { id: bigId(), progress, target })] }) }),
      { type: 'liveGoal', goalId, description, progress, target }];
  },
  () => {   // a treasure chest or a super-fan box
    const superFan = rand() < 0.3, senderId = bigId(), senderName = pick(TEXTS);
    const diamonds = int(10000), people = int(100);
    return ['WebcastEnvelopeMessage', encode(tt.WebcastEnvelopeMessage,
      { common: common(1), envelopeInfo: make(tt.MessageRedEnvelopInfo, { envelopeId: bigId(), businessType: superFan ? 19 : 1,
        sendUserName: senderName, sendUserId: senderId, diamondCount: diamonds, peopleCount: people }) }),
      { type: 'treasureChest', senderId, senderName, diamonds, people, superFan }];
  },
  () => {   // a poll starts, gets votes, or ends
    const phase = pick(['start', 'update', 'end']), pollId = bigId(), title = pick(TEXTS);
    const options = ['A', 'B', pick(TEXTS)].map((text, i) => ({ text, votes: String(int(500)), idx: i }));
    const optionList = options.map((o) => make(tt.PollOptionInfo, { votes: o.votes, displayContent: o.text, optionIdx: o.idx }));
    const content = phase === 'start' ? { startContent: make(tt.PollStartContent, { title, optionList }) }
      : phase === 'end' ? { endContent: make(tt.PollEndContent, { optionList }) }
      : { updateVotesContent: make(tt.PollUpdateVotesContent, { optionList }) };
    return ['WebcastPollMessage', encode(tt.WebcastPollMessage,
      { common: common(1), pollId: '0', pollBasicInfo: make(tt.PollBasicInfo, { title, pollIdStr: pollId }), ...content }),
      { type: 'poll', pollId, phase, title, options: options.map((o) => ({ text: o.text, votes: o.votes })) }];
  },
  () => {   // a chat message pinned or unpinned
    const u = user().expected, comment = pick(TEXTS), pinned = rand() < 0.7;
    return ['WebcastRoomPinMessage', encode(tt.WebcastRoomPinMessage,
      { common: common(1), action: pinned ? 1 : 2,
        chatMessage: make(tt.WebcastChatMessage, { common: common(1), user: protoUser(u), content: comment }) }),
      { type: 'pin', user: u, comment, pinned }];
  },
  () => {   // super-fan notices and gift-panel subscriptions come as barrage messages
    const u = user().expected, kind = pick(['joined', 'superFan', 'giftSub']);
    const key = kind === 'joined' ? 'ttlive_superfan_commentNotif_superFanJoined' : kind === 'superFan' ? 'ttlive_superfan_badge' : '';
    const count = 1 + int(50);
    const fields = { common: common(1), user: protoUser(u), content: make(tt.MessageCommonText, { key }) };
    if (kind === 'giftSub') fields.subscribeGiftParam = make(tt.BarrageTypeSubscribeGiftParam, { giftSubCount: String(count) });
    return ['WebcastBarrageMessage', encode(tt.WebcastBarrageMessage, fields),
      kind === 'giftSub' ? { type: 'giftSub', user: u, count: String(count) } : { type: 'superFan', user: u, kind }];
  },
];

for (let f = 0; f < frames; f++) {
  const messages = [];
  const expected = [];
  for (let m = 0, n = 1 + int(6); m < n; m++) {
    const [method, payload, values] = pick(makers)();
    const msgId = bigId();
    messages.push(make(tt.BaseProtoMessage, { method, payload: Buffer.from(payload), msgId }));
    expected.push({ msgId, ...values });
  }
  const result = encode(tt.ProtoMessageFetchResult, 
    { messages, cursor: 'cursor-' + f, internalExt: 'ext-' + f, needAck: rand() < 0.5 });
  const mode = pick(['plain', 'gzip-header', 'gzip-magic']);
  const payload = mode === 'plain' ? Buffer.from(result) : gzipSync(result);
  const logId = bigId();
  const frame = encode(tt.WebcastPushFrame, {
    logId, payloadEncoding: 'pb', payloadType: 'msg', payload,
    headers: mode === 'gzip-header' ? [make(tt.PushHeader, { key: 'compress_type', value: 'gzip' })] : [] });
  process.stdout.write(JSON.stringify({ frame: Buffer.from(frame).toString('base64'), logId, mode, expected }) + '\n');
}
