package app.ltth.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamXpTest {

    private static ViewerXp viewer(String handle, int level) {
        return new ViewerXp(handle, "id-" + handle, handle.toUpperCase(), 0, 0, level, 0, null, 0, List.of());
    }

    private static List<Object> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> r.get(key)).toList();
    }

    @Test
    void ranksByWhatWasEarnedThisStreamTiesToWhoGotThereFirst() {
        StreamXp board = new StreamXp();
        board.add(viewer("anna", 2), 50, 50, "Newcomer", 1_000);
        board.add(viewer("ben", 5), 30, 90, "Regular", 2_000);
        board.add(viewer("cara", 1), 20, 20, "Newcomer", 3_000);
        board.add(viewer("cara", 1), 30, 0, "Newcomer", 4_000);   // cara: 50 XP too, but later than anna

        assertThat(column(board.top("xp", 10), "handle")).containsExactly("anna", "cara", "ben");
        assertThat(column(board.top("xp", 10), "value")).containsExactly(50L, 50L, 30L);
        assertThat(column(board.top("points", 2), "handle")).containsExactly("ben", "anna");
        assertThat(column(board.top("level", 10), "value")).containsExactly(5L, 2L, 1L);
        assertThat(column(board.top("xp", 10), "rank")).containsExactly(1, 2, 3);
        assertThat(board.top("xp", 1).get(0).get("nickname")).isEqualTo("ANNA");

        board.clear();
        assertThat(board.top("xp", 10)).isEmpty();
        assertThat(board.boards(10)).containsEntry("period", "stream");
    }

    @Test
    void theFirstTierAViewerMeetsIsTheirs() {
        List<ViewerDirectory.Tier> tiers = List.of(new ViewerDirectory.Tier("Gold", 5_000, 0),
                new ViewerDirectory.Tier("Loyal", 100, 10), new ViewerDirectory.Tier("Regular", 0, 5));
        assertThat(ViewerDirectory.tierOf(tiers, 6_000, 1)).isEqualTo("Gold");
        assertThat(ViewerDirectory.tierOf(tiers, 100, 10)).isEqualTo("Loyal");
        assertThat(ViewerDirectory.tierOf(tiers, 99, 10)).as("both thresholds count").isEqualTo("Regular");
        assertThat(ViewerDirectory.tierOf(tiers, 99, 4)).isEmpty();
        assertThat(ViewerDirectory.tierOf(List.of(), 1_000_000, 1_000)).isEmpty();
    }
}
