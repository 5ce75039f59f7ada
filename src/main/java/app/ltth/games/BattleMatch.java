package app.ltth.games;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One coin battle while it runs: who gave how many coins (times the multiplier while one runs) for which team, when it
 * ends (a late gift makes it longer), and the standings. Pure: the caller says what time it is. Not thread-safe.
 */
public final class BattleMatch {

    /** A viewer in the match: their points and team (-1: none, in solo). */
    public record Player(String handle, String nickname, long points, int team) {
    }

    /** The standings: players best first, the teams' points, and how long is left. */
    public record Standings(String mode, List<BattleConfig.Team> teams, long[] teamPoints, List<Player> players, long endsAt,
                            int extensions, int multiplier, long multiplierUntil) {
    }

    private final BattleConfig config;
    private final long startedAt;
    private final Map<String, Player> players = new LinkedHashMap<>();
    private final long[] teamPoints = new long[2];
    private final int[] teamSizes = new int[2];
    private long endsAt;
    private int extensions;
    private int multiplier = 1;
    private long multiplierUntil;

    public BattleMatch(BattleConfig config, long now) {
        this.config = config;
        this.startedAt = now;
        this.endsAt = now + config.seconds() * 1000L;
    }

    public BattleConfig config() {
        return config;
    }

    public long startedAt() {
        return startedAt;
    }

    public long endsAt() {
        return endsAt;
    }

    public boolean over(long now) {
        return now >= endsAt;
    }

    private boolean teams() {
        return config.mode().equals("teams");
    }

    /**
     * {@code !join red} (or 1 / 2): the viewer plays for that team from now on (their points so far stay with the
     * team they earned them for). False when the name is no team or the match is solo.
     */
    public boolean join(String handle, String nickname, String teamName) {
        if (!teams()) return false;
        int team = teamIndex(teamName);
        if (team < 0) return false;
        Player p = players.get(handle);
        if (p != null && p.team() == team) return true;
        if (p != null && p.team() >= 0) teamSizes[p.team()]--;
        teamSizes[team]++;
        players.put(handle, new Player(handle, nickname, p == null ? 0 : p.points(), team));
        return true;
    }

    private int teamIndex(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < 2; i++) {
            if (config.teams().get(i).name().toLowerCase(Locale.ROOT).equals(n) || n.equals(String.valueOf(i + 1))) return i;
        }
        return -1;
    }

    /**
     * A finished gift streak during the match: its coins (times the multiplier) count for the viewer and their team
     * (in auto mode a newcomer joins the smaller team; in join mode a viewer who has not joined counts for nothing).
     * A gift of the multiplier gift starts the multiplier; a gift in the last seconds makes the match longer.
     *
     * @return the points it counted
     */
    public long gift(String handle, String nickname, String giftName, long coins, long now) {
        if (now >= endsAt || coins <= 0) return 0;
        if (!config.multiplierGift().isEmpty() && config.multiplierGift().equalsIgnoreCase(giftName)) {
            multiply(config.multiplierFactor(), config.multiplierSeconds(), now);
        }
        Player p = players.get(handle);
        int team = -1;
        if (teams()) {
            if (p == null || p.team() < 0) {
                if (config.assign().equals("join")) return 0;
                team = teamSizes[0] <= teamSizes[1] ? 0 : 1;
                teamSizes[team]++;
            } else {
                team = p.team();
            }
        }
        long points = coins * (now < multiplierUntil ? multiplier : 1);
        players.put(handle, new Player(handle, nickname, (p == null ? 0 : p.points()) + points, team));
        if (team >= 0) teamPoints[team] += points;
        if (endsAt - now <= config.lateSeconds() * 1000L && extensions < config.maxExtensions() && config.extendSeconds() > 0) {
            endsAt += config.extendSeconds() * 1000L;
            extensions++;
        }
        return points;
    }

    /** Points count {@code factor} times for {@code seconds} from now (a multiplier event). */
    public void multiply(int factor, int seconds, long now) {
        multiplier = Math.max(2, factor);
        multiplierUntil = now + seconds * 1000L;
    }

    /** Ends the match now (the streamer's stop). */
    public void stop(long now) {
        endsAt = Math.min(endsAt, now);
    }

    public Standings standings(long now) {
        List<Player> sorted = new ArrayList<>(players.values());
        sorted.removeIf(p -> p.points() == 0);
        sorted.sort(Comparator.comparingLong(Player::points).reversed());
        return new Standings(config.mode(), config.teams(), teamPoints.clone(), sorted, endsAt, extensions,
                now < multiplierUntil ? multiplier : 1, multiplierUntil);
    }

    /** The winning team's index, -1 on a draw or in solo. */
    public int winningTeam() {
        if (!teams() || teamPoints[0] == teamPoints[1]) return -1;
        return teamPoints[0] > teamPoints[1] ? 0 : 1;
    }

    /** The players of one team. */
    public List<Player> team(int index) {
        return players.values().stream().filter(p -> p.team() == index).toList();
    }
}
