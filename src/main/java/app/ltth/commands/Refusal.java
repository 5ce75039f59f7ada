package app.ltth.commands;

import java.util.Map;

/**
 * Why a command did not run, as the Commands page says it in the streamer's language ({@code commands.refused.<why>}
 * with these values).
 *
 * @param why blocked, off, permission, teamLevel, level, rate, rateAll, cooldown or cooldownViewer
 */
public record Refusal(String why, Map<String, Object> values) {

    public Refusal {
        values = Map.copyOf(values);
    }
}
