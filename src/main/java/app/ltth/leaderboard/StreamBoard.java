package app.ltth.leaderboard;

import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.LiveEvent;
import app.ltth.events.User;
import app.ltth.events.UserEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Who gave, liked and chatted most in this stream: pure bookkeeping, no I/O. Coins count finished streaks only.
 * Likes are TikTok's per-user batches, which are incomplete: an estimate.
 */
final class StreamBoard {

    /** One user's totals, each with when it last grew; the latest name and picture win. */
    record Entry(String userId, String uniqueId, String nickname, String avatarUrl, long coins, long coinsAt,
                 long likes, long likesAt, long chats, long chatsAt) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** @return whether the event changed the board */
    boolean add(LiveEvent event) {
        if (!(event instanceof UserEvent u)) return false;
        long coins = 0;
        long likes = 0;
        long chats = 0;
        if (event instanceof GiftEvent g) {
            if (!g.isFinal()) return false;
            coins = g.coins();
        } else if (event instanceof LikeEvent l) {
            likes = l.likeCount();
        } else if (event instanceof ChatEvent) {
            chats = 1;
        } else {
            return false;
        }
        User user = u.user();
        Entry old = entries.get(user.id());
        if (old == null) old = new Entry(user.id(), user.uniqueId(), user.nickname(), user.avatarUrl(), 0, 0, 0, 0, 0, 0);
        long at = event.timestamp();
        entries.put(user.id(), new Entry(user.id(), user.uniqueId(), user.nickname(), user.avatarUrl(),
                old.coins() + coins, coins > 0 ? at : old.coinsAt(), old.likes() + likes, likes > 0 ? at : old.likesAt(),
                old.chats() + chats, chats > 0 ? at : old.chatsAt()));
        return true;
    }

    void clear() {
        entries.clear();
    }

    /** The first {@code limit} by the board's figure; ties go to whoever reached it first. */
    List<Entry> top(Board board, int limit) {
        return entries.values().stream().filter(e -> board.figure.applyAsLong(e) > 0)
                .sorted(Comparator.comparingLong(board.figure).reversed().thenComparingLong(board.since))
                .limit(limit).toList();
    }

    enum Board {
        GIFTERS(Entry::coins, Entry::coinsAt), LIKERS(Entry::likes, Entry::likesAt), CHATTERS(Entry::chats, Entry::chatsAt);

        final ToLongFunction<Entry> figure;
        final ToLongFunction<Entry> since;

        Board(ToLongFunction<Entry> figure, ToLongFunction<Entry> since) {
            this.figure = figure;
            this.since = since;
        }

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
