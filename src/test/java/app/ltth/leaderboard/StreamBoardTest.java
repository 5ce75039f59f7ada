package app.ltth.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.events.ChatEvent;
import app.ltth.events.GiftEvent;
import app.ltth.events.LikeEvent;
import app.ltth.events.User;
import org.junit.jupiter.api.Test;

class StreamBoardTest {

    private static GiftEvent gift(User u, int coins, int count, boolean end, long t) {
        return new GiftEvent("g" + t, t, u, 1, "Rose", coins, count, end, true, 7, "");
    }

    @Test
    void coinsCountFinishedStreaksOnceAndTheOrderFollowsTheFigure() {
        User anna = User.named("anna");
        User ben = User.named("ben");
        StreamBoard board = new StreamBoard();
        for (int i = 1; i <= 9; i++) assertThat(board.add(gift(anna, 1, i, false, i))).isFalse();
        board.add(gift(anna, 1, 10, true, 10));
        board.add(gift(ben, 5, 1, true, 11));
        board.add(gift(ben, 5, 1, true, 12));
        board.add(new LikeEvent("l1", 13, ben, 15, 0));
        board.add(new ChatEvent("c1", 14, anna, "hi"));
        board.add(new ChatEvent("c2", 15, anna, "hi again"));

        assertThat(board.top(StreamBoard.Board.GIFTERS, 10)).extracting(StreamBoard.Entry::uniqueId, StreamBoard.Entry::coins)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna", 10L), org.assertj.core.groups.Tuple.tuple("ben", 10L));
        board.add(gift(ben, 1, 1, true, 16));
        assertThat(board.top(StreamBoard.Board.GIFTERS, 1)).extracting(StreamBoard.Entry::uniqueId).containsExactly("ben");
        assertThat(board.top(StreamBoard.Board.LIKERS, 10)).extracting(StreamBoard.Entry::uniqueId).containsExactly("ben");
        assertThat(board.top(StreamBoard.Board.CHATTERS, 10)).extracting(StreamBoard.Entry::chats).containsExactly(2L);
        board.clear();
        assertThat(board.top(StreamBoard.Board.GIFTERS, 10)).isEmpty();
    }
}
