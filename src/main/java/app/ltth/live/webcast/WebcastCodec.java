package app.ltth.live.webcast;

import app.ltth.events.BattleEvent;
import app.ltth.events.ChatEvent;
import app.ltth.events.GiftSubEvent;
import app.ltth.events.HistoryEvent;
import app.ltth.events.LiveGoalEvent;
import app.ltth.events.PinEvent;
import app.ltth.events.PollEvent;
import app.ltth.events.SuperFanEvent;
import app.ltth.events.TreasureChestEvent;
import app.ltth.events.EmoteEvent;
import app.ltth.events.FollowEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.JoinEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.QuestionEvent;
import app.ltth.events.ShareEvent;
import app.ltth.events.StreamEndEvent;
import app.ltth.events.SubscribeEvent;
import app.ltth.events.User;
import app.ltth.events.ViewerCountEvent;
import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.CommonMessageData;
import app.ltth.live.webcast.proto.HeartbeatMessage;
import app.ltth.live.webcast.proto.ImEnterRoomMessage;
import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import app.ltth.live.webcast.proto.PushFrame;
import app.ltth.live.webcast.proto.UserIdentity;
import app.ltth.live.webcast.proto.PollOption;
import app.ltth.live.webcast.proto.WebcastBarrageMessage;
import app.ltth.live.webcast.proto.WebcastChatMessage;
import app.ltth.live.webcast.proto.WebcastEnvelopeMessage;
import app.ltth.live.webcast.proto.WebcastGoalUpdateMessage;
import app.ltth.live.webcast.proto.WebcastLinkMicArmies;
import app.ltth.live.webcast.proto.WebcastLinkMicBattle;
import app.ltth.live.webcast.proto.WebcastPollMessage;
import app.ltth.live.webcast.proto.WebcastRoomPinMessage;
import app.ltth.live.webcast.proto.WebcastControlMessage;
import app.ltth.live.webcast.proto.WebcastEmoteChatMessage;
import app.ltth.live.webcast.proto.WebcastGiftMessage;
import app.ltth.live.webcast.proto.WebcastLikeMessage;
import app.ltth.live.webcast.proto.WebcastMemberMessage;
import app.ltth.live.webcast.proto.WebcastQuestionNewMessage;
import app.ltth.live.webcast.proto.WebcastRoomUserSeqMessage;
import app.ltth.live.webcast.proto.WebcastSocialMessage;
import app.ltth.live.webcast.proto.WebcastSubNotifyMessage;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * TikTok WebCast frames to LTTH events and back: pure functions, no sockets, no clocks except the one passed in.
 *
 * <p>Decoding never throws for one bad message: a message that fails to decode is counted in the result and
 * skipped, an unknown message type is counted and skipped, and the rest of the frame still arrives. Only a frame
 * that is not a frame at all throws {@link InvalidFrameException}.
 */
public final class WebcastCodec {

    /** Payload type of frames that carry events. */
    public static final String MSG = "msg";
    private static final Pattern SHARE_KEY = Pattern.compile("pm_mt_guidance_(viewer_\\d+_)?share");
    // Values of TikTok's enums that LTTH reads (tiktok-live-proto: EnvelopeBusinessType, PinMessageActionType,
    // LinkMicBattleBattleAction, BattleSettingsBattleStatus, BattleResultResult).
    private static final int SUPER_FAN_BOX = 19;
    private static final int PIN_CANCEL = 2;
    private static final int BATTLE_OPEN = 4;
    private static final int BATTLE_FINISH = 5;
    private static final int BATTLE_STARTED = 1;
    private static final int BATTLE_FINISHED = 2;
    private static final int BATTLE_WIN = 0;

    private WebcastCodec() {
    }

    /**
     * What one frame held.
     *
     * @param payloadType    "msg" for event frames; others ("hb", "ack", ...) carry no events
     * @param fetchResult    the decoded fetch result of a "msg" frame, null otherwise
     * @param events         the events, in the order TikTok sent them
     * @param messages       how many messages the frame held
     * @param failedMessages messages that could not be decoded (skipped)
     * @param unknownMessages messages of a type LTTH does not use (skipped)
     */
    public record Frame(long logId, String payloadType, ProtoMessageFetchResult fetchResult, List<LiveEvent> events,
                        int messages, int failedMessages, int unknownMessages) {

        public boolean needsAck() {
            return fetchResult != null && fetchResult.getNeedAck();
        }
    }

    /** Decodes a websocket push frame. */
    public static Frame decodeFrame(byte[] bytes, long now) throws InvalidFrameException {
        PushFrame frame;
        try {
            frame = PushFrame.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidFrameException("not a push frame: " + e.getMessage(), e);
        }
        if (!MSG.equals(frame.getPayloadType())) {
            return new Frame(frame.getLogId(), frame.getPayloadType(), null, List.of(), 0, 0, 0);
        }
        byte[] payload = frame.getPayload().toByteArray();
        boolean gzip = "gzip".equalsIgnoreCase(frame.getHeadersOrDefault("compress_type", "")) || isGzip(payload);
        if (gzip) payload = gunzip(payload);
        Frame result = decodeFetchResult(payload, now);
        return new Frame(frame.getLogId(), frame.getPayloadType(), result.fetchResult(), result.events(),
                result.messages(), result.failedMessages(), result.unknownMessages());
    }

    /** Decodes a fetch result (a "msg" frame's payload, or the sign service's answer). */
    public static Frame decodeFetchResult(byte[] payload, long now) throws InvalidFrameException {
        ProtoMessageFetchResult result;
        try {
            result = ProtoMessageFetchResult.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidFrameException("not a fetch result: " + e.getMessage(), e);
        }
        List<LiveEvent> events = new ArrayList<>();
        int failed = 0;
        int unknown = 0;
        for (BaseProtoMessage message : result.getMessagesList()) {
            try {
                Optional<LiveEvent> event = decodeMessage(message.getMethod(), message.getPayload().toByteArray(),
                        message.getMsgId(), now);
                if (event.isPresent()) {
                    // The room's recent past, sent with the first fetch: shown, never counted as new.
                    events.add(message.getIsHistory() ? new HistoryEvent(event.get().id(), event.get().timestamp(),
                            event.get()) : event.get());
                } else if (!isKnown(message.getMethod())) {
                    unknown++;
                }
            } catch (InvalidProtocolBufferException | RuntimeException e) {
                failed++;
            }
        }
        return new Frame(0, MSG, result, List.copyOf(events), result.getMessagesCount(), failed, unknown);
    }

    static boolean isKnown(String method) {
        return switch (method) {
            case "WebcastChatMessage", "WebcastGiftMessage", "WebcastLikeMessage", "WebcastMemberMessage",
                 "WebcastSocialMessage", "WebcastRoomUserSeqMessage", "WebcastSubNotifyMessage",
                 "WebcastControlMessage", "WebcastEmoteChatMessage", "WebcastQuestionNewMessage", "WebcastLinkMicBattle",
                 "WebcastLinkMicArmies", "WebcastGoalUpdateMessage", "WebcastEnvelopeMessage", "WebcastPollMessage",
                 "WebcastRoomPinMessage", "WebcastBarrageMessage" -> true;
            default -> false;
        };
    }

    /**
     * Decodes one message by its method name. Empty for types LTTH does not use and for messages of a known type
     * that say nothing LTTH shows (a pause, a member update that is not a join).
     *
     * @param msgId the message id from the envelope; the message's own common.msgId is used when it is 0
     */
    public static Optional<LiveEvent> decodeMessage(String method, byte[] payload, long msgId, long now)
            throws InvalidProtocolBufferException {
        switch (method) {
            case "WebcastChatMessage" -> {
                WebcastChatMessage m = WebcastChatMessage.parseFrom(payload);
                return Optional.of(new ChatEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        user(m.getUser(), m.getUserIdentity()), m.getContent()));
            }
            case "WebcastGiftMessage" -> {
                WebcastGiftMessage m = WebcastGiftMessage.parseFrom(payload);
                WebcastGiftMessage.GiftStruct gift = m.getGift();
                long giftId = m.getGiftId() != 0 ? m.getGiftId() : gift.getId();
                return Optional.of(new GiftEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        user(m.getUser(), m.getUserIdentity()), giftId, gift.getName(), gift.getDiamondCount(),
                        Math.max(1, m.getRepeatCount()), m.getRepeatEnd() == 1, gift.getType() == 1, m.getGroupId(),
                        gift.getImage().getUrlCount() > 0 ? gift.getImage().getUrl(0) : ""));
            }
            case "WebcastLikeMessage" -> {
                WebcastLikeMessage m = WebcastLikeMessage.parseFrom(payload);
                return Optional.of(new LikeEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        user(m.getUser(), null), m.getCount(), m.getTotal()));
            }
            case "WebcastMemberMessage" -> {
                WebcastMemberMessage m = WebcastMemberMessage.parseFrom(payload);
                if (m.getAction() != 1) return Optional.empty();
                return Optional.of(new JoinEvent(id(msgId, m.getCommon()), time(m.getCommon(), now), user(m.getUser(), null)));
            }
            case "WebcastSocialMessage" -> {
                WebcastSocialMessage m = WebcastSocialMessage.parseFrom(payload);
                String key = m.getCommon().getDisplayText().getKey();
                boolean follow = key.startsWith("pm_main_follow_message") || (key.isEmpty() && m.getAction() == 1);
                boolean share = SHARE_KEY.matcher(key).matches() || (key.isEmpty() && m.getAction() == 3);
                if (!follow && !share && !key.isEmpty()) {
                    // A key LTTH does not know: the action still says what happened.
                    follow = m.getAction() == 1;
                    share = m.getAction() == 3;
                }
                String id = id(msgId, m.getCommon());
                long ts = time(m.getCommon(), now);
                if (follow) return Optional.of(new FollowEvent(id, ts, user(m.getUser(), null)));
                if (share) return Optional.of(new ShareEvent(id, ts, user(m.getUser(), null)));
                return Optional.empty();
            }
            case "WebcastRoomUserSeqMessage" -> {
                WebcastRoomUserSeqMessage m = WebcastRoomUserSeqMessage.parseFrom(payload);
                List<ViewerCountEvent.TopViewer> top = new ArrayList<>();
                for (WebcastRoomUserSeqMessage.Rank r : m.getRanksList()) {
                    top.add(new ViewerCountEvent.TopViewer((int) r.getRank(), user(r.getUser(), null), r.getScore()));
                }
                return Optional.of(new ViewerCountEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        m.getTotal(), top));
            }
            case "WebcastSubNotifyMessage" -> {
                WebcastSubNotifyMessage m = WebcastSubNotifyMessage.parseFrom(payload);
                return Optional.of(new SubscribeEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        user(m.getUser(), null), (int) Math.max(1, m.getSubMonth())));
            }
            case "WebcastControlMessage" -> {
                WebcastControlMessage m = WebcastControlMessage.parseFrom(payload);
                if (m.getAction() != 3 && m.getAction() != 4) return Optional.empty();
                return Optional.of(new StreamEndEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        m.getAction() == 3 ? "ended by the streamer" : "ended by TikTok"));
            }
            case "WebcastEmoteChatMessage" -> {
                WebcastEmoteChatMessage m = WebcastEmoteChatMessage.parseFrom(payload);
                WebcastEmoteChatMessage.Emote emote = m.getEmotesCount() > 0 ? m.getEmotes(0)
                        : WebcastEmoteChatMessage.Emote.getDefaultInstance();
                return Optional.of(new EmoteEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        user(m.getUser(), null), emote.getEmoteId(),
                        emote.getImage().getUrlCount() > 0 ? emote.getImage().getUrl(0) : ""));
            }
            case "WebcastQuestionNewMessage" -> {
                WebcastQuestionNewMessage m = WebcastQuestionNewMessage.parseFrom(payload);
                return Optional.of(new QuestionEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        user(m.getDetails().getUser(), null), m.getDetails().getContent()));
            }
            case "WebcastLinkMicBattle" -> {
                return battle(WebcastLinkMicBattle.parseFrom(payload), msgId, now);
            }
            case "WebcastLinkMicArmies" -> {
                WebcastLinkMicArmies m = WebcastLinkMicArmies.parseFrom(payload);
                List<BattleEvent.Team> teams = new ArrayList<>();
                m.getArmiesMap().forEach((host, armies) -> teams.add(new BattleEvent.Team(String.valueOf(host),
                        armies.getHostScore(), false)));
                m.getTeamArmiesList().forEach(t -> teams.add(new BattleEvent.Team(String.valueOf(t.getTeamId()),
                        t.getTeamTotalScore(), false)));
                return Optional.of(new BattleEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        String.valueOf(m.getBattleId()), BattleEvent.SCORE, sorted(teams)));
            }
            case "WebcastGoalUpdateMessage" -> {
                WebcastGoalUpdateMessage m = WebcastGoalUpdateMessage.parseFrom(payload);
                var goal = m.getGoal();
                var sub = goal.getSubGoalsCount() > 0 ? goal.getSubGoals(0)
                        : app.ltth.live.webcast.proto.LiveStreamSubGoal.getDefaultInstance();
                return Optional.of(new LiveGoalEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        goal.getIdStr().isEmpty() ? String.valueOf(goal.getId()) : goal.getIdStr(), goal.getDescription(),
                        sub.getProgress(), sub.getTarget()));
            }
            case "WebcastEnvelopeMessage" -> {
                WebcastEnvelopeMessage m = WebcastEnvelopeMessage.parseFrom(payload);
                var info = m.getEnvelopeInfo();
                boolean superFan = info.getBusinessType() == SUPER_FAN_BOX
                        || m.getCommon().getDisplayText().getKey().toLowerCase(java.util.Locale.ROOT).contains("ttlive_superfanbox");
                return Optional.of(new TreasureChestEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        info.getSendUserId(), info.getSendUserName(), info.getDiamondCount(), info.getPeopleCount(), superFan));
            }
            case "WebcastPollMessage" -> {
                WebcastPollMessage m = WebcastPollMessage.parseFrom(payload);
                String phase;
                List<PollOption> options;
                if (m.hasStartContent()) {
                    phase = "start";
                    options = m.getStartContent().getOptionListList();
                } else if (m.hasEndContent()) {
                    phase = "end";
                    options = m.getEndContent().getOptionListList();
                } else if (m.hasUpdateVotesContent()) {
                    phase = "update";
                    options = m.getUpdateVotesContent().getOptionListList();
                } else {
                    return Optional.empty();
                }
                String title = m.getStartContent().getTitle().isEmpty() ? m.getPollBasicInfo().getTitle()
                        : m.getStartContent().getTitle();
                String pollId = m.getPollBasicInfo().getPollIdStr().isEmpty() ? String.valueOf(m.getPollId())
                        : m.getPollBasicInfo().getPollIdStr();
                return Optional.of(new PollEvent(id(msgId, m.getCommon()), time(m.getCommon(), now), pollId, phase, title,
                        options.stream().map(o -> new PollEvent.Option(o.getDisplayContent(), o.getVotes())).toList()));
            }
            case "WebcastRoomPinMessage" -> {
                WebcastRoomPinMessage m = WebcastRoomPinMessage.parseFrom(payload);
                if (!m.hasChatMessage()) return Optional.empty();
                WebcastChatMessage chat = m.getChatMessage();
                return Optional.of(new PinEvent(id(msgId, m.getCommon()), time(m.getCommon(), now),
                        user(chat.getUser(), chat.getUserIdentity()), chat.getContent(), m.getAction() != PIN_CANCEL));
            }
            case "WebcastBarrageMessage" -> {
                WebcastBarrageMessage m = WebcastBarrageMessage.parseFrom(payload);
                String id = id(msgId, m.getCommon());
                long ts = time(m.getCommon(), now);
                if (m.getSubscribeGiftParam().getGiftSubCount() > 0) {
                    return Optional.of(new GiftSubEvent(id, ts, user(m.getUser(), null), m.getSubscribeGiftParam().getGiftSubCount()));
                }
                String keys = (m.getContent().getKey() + " " + m.getCommonBarrageContent().getKey()).toLowerCase(java.util.Locale.ROOT);
                if (keys.contains("ttlive_superfan_commentnotif_superfanjoined")) {
                    return Optional.of(new SuperFanEvent(id, ts, user(m.getUser(), null), "joined"));
                }
                if (keys.contains("ttlive_superfan")) return Optional.of(new SuperFanEvent(id, ts, user(m.getUser(), null), "superFan"));
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A battle's start or end (invitations, cancellations and punishments say nothing LTTH shows). */
    private static Optional<LiveEvent> battle(WebcastLinkMicBattle m, long msgId, long now) {
        int status = m.getBattleSettings().getStatus();
        String phase = m.getAction() == BATTLE_OPEN || (m.getAction() == 0 && status == BATTLE_STARTED) ? BattleEvent.START
                : m.getAction() == BATTLE_FINISH || (m.getAction() == 0 && status == BATTLE_FINISHED) ? BattleEvent.END
                : null;
        if (phase == null) return Optional.empty();
        boolean end = phase.equals(BattleEvent.END);
        List<BattleEvent.Team> teams = new ArrayList<>();
        m.getBattleResultMap().forEach((host, r) -> teams.add(new BattleEvent.Team(String.valueOf(host), r.getScore(),
                end && r.getResult() == BATTLE_WIN)));
        m.getTeamBattleResultList().forEach(t -> teams.add(new BattleEvent.Team(String.valueOf(t.getTeamId()),
                t.getTotalScore(), end && t.getResult() == BATTLE_WIN)));
        long battleId = m.getBattleId() != 0 ? m.getBattleId() : m.getBattleSettings().getBattleId();
        return Optional.of(new BattleEvent(id(msgId, m.getCommon()), time(m.getCommon(), now), String.valueOf(battleId),
                phase, sorted(teams)));
    }

    /** Map entries come in no order: sides by host id, so the same message always reads the same. */
    private static List<BattleEvent.Team> sorted(List<BattleEvent.Team> teams) {
        teams.sort(java.util.Comparator.comparing(BattleEvent.Team::hostId));
        return teams;
    }

    /** TikTok's user as LTTH's {@link User}; the identity block, when the message has one, settles the flags. */
    static User user(app.ltth.live.webcast.proto.User u, UserIdentity identity) {
        boolean badgeModerator = u.getBadgesList().stream().anyMatch(b -> b.getSceneType() == 1);
        boolean badgeSubscriber = u.getBadgesList().stream().anyMatch(b -> b.getSceneType() == 4);
        boolean follower = u.getFollowInfo().getFollowStatus() >= 1
                || (identity != null && (identity.getIsFollowerOfAnchor() || identity.getIsMutualFollowingWithAnchor()));
        boolean moderator = u.getUserAttr().getIsAdmin() || badgeModerator
                || (identity != null && identity.getIsModeratorOfAnchor());
        boolean subscriber = u.getSubscribeInfo().getIsSubscribe() || badgeSubscriber
                || (identity != null && identity.getIsSubscriberOfAnchor());
        String uniqueId = u.getUniqueId().isEmpty() ? String.valueOf(u.getId()) : u.getUniqueId();
        String avatar = u.getAvatarThumb().getUrlCount() > 0 ? u.getAvatarThumb().getUrl(0) : "";
        return new User(String.valueOf(u.getId()), uniqueId, u.getNickname(), avatar, follower, moderator, subscriber, 0);
    }

    private static String id(long msgId, CommonMessageData common) {
        return String.valueOf(msgId != 0 ? msgId : common.getMsgId());
    }

    private static long time(CommonMessageData common, long now) {
        return common.getCreateTime() > 0 ? common.getCreateTime() : now;
    }

    static boolean isGzip(byte[] payload) {
        return payload.length >= 2 && (payload[0] & 0xff) == 0x1f && (payload[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] payload) throws InvalidFrameException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidFrameException("gzip payload cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- frames LTTH sends ---------------------------------------------------------------------------------

    /** The heartbeat, every 10 s: without it the server closes the socket. */
    public static byte[] heartbeat(long roomId, long seq) {
        return PushFrame.newBuilder().setPayloadEncoding("pb").setPayloadType("hb")
                .setPayload(HeartbeatMessage.newBuilder().setRoomId(roomId).setSeq(seq).build().toByteString())
                .build().toByteArray();
    }

    /** The answer to a fetch result with needAck: the frame's logId and the result's internalExt. */
    public static byte[] ack(long logId, String internalExt) {
        return PushFrame.newBuilder().setLogId(logId).setPayloadEncoding("pb").setPayloadType("ack")
                .setPayload(ByteString.copyFromUtf8(internalExt)).build().toByteArray();
    }

    /** Joins the room as an audience member, after the socket opened. */
    public static byte[] enterRoom(long roomId, String cursor) {
        ImEnterRoomMessage enter = ImEnterRoomMessage.newBuilder().setRoomId(roomId).setLiveId(12)
                .setIdentity("audience").setCursor(cursor).setFilterWelcomeMsg("0").build();
        return PushFrame.newBuilder().setPayloadEncoding("pb").setPayloadType("im_enter_room")
                .setPayload(enter.toByteString()).build().toByteArray();
    }
}
