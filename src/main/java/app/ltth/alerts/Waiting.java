package app.ltth.alerts;

import java.util.Map;

/**
 * An alert waiting its turn. It is rendered only when it is shown, from the settings of that moment, so an edit made
 * while it waits is what appears.
 *
 * @param fields   the event's placeholders
 * @param priority which alert gives way when the queue is full ({@link Alert#priority})
 * @param test     a test from the dashboard: shown first, never dropped, shown even while its type is off
 * @param look     a flow's own alert (text, sound, media, seconds), or null for the type's settings
 */
record Waiting(String id, String type, Map<String, Object> fields, long priority, boolean test, AlertConfig look) {

    static final String MILESTONE = "milestone";

    /** A test or a gift milestone's celebration: never the one to go when the queue is full. */
    boolean kept() {
        return test || MILESTONE.equals(type);
    }
}
