package app.ltth.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A gift message. Streakable gifts (TikTok's gift type 1) arrive several times per streak: updates with
 * {@code repeatEnd = false} and a rising {@code repeatCount}, then one final message with {@code repeatEnd = true}.
 * Non-streakable gifts arrive once, and that message is final whatever {@code repeatEnd} says.
 *
 * @param diamondCount coins per single gift
 * @param groupId      TikTok's streak id; together with user and gift it identifies one streak
 */
public record GiftEvent(String id, long timestamp, User user, long giftId, String giftName, int diamondCount,
                        int repeatCount, boolean repeatEnd, boolean streakable, long groupId, String imageUrl)
        implements UserEvent {

    @Override
    public EventType type() {
        return EventType.GIFT;
    }

    /** An update of a running streak: show it live, but its coins are counted by the final message. */
    @JsonIgnore
    public boolean streakInProgress() {
        return streakable && !repeatEnd;
    }

    /** The message whose coins count: the end of a streak, or a non-streakable gift. */
    @JsonProperty("final")
    public boolean isFinal() {
        return !streakInProgress();
    }

    /** Coins of this message's gifts so far: diamondCount x repeatCount. */
    @JsonProperty("coins")
    public long coins() {
        return (long) diamondCount * repeatCount;
    }
}
