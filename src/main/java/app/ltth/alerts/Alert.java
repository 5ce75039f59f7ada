package app.ltth.alerts;

import java.util.Locale;

/**
 * One alert as the overlay shows it. {@code html} is the rendered template: its TikTok values are already escaped.
 *
 * @param priority which alert gives way when the queue is full: gifts by their coins above all others
 */
public record Alert(String id, String type, String html, String sound, double volume, String media, String mediaKind,
                    int seconds, String animation, long priority) {

    static final long GIFT = 1_000;

    static long priority(String type, long coins) {
        return switch (type) {
            case "gift" -> GIFT + coins;
            case "custom" -> 950;
            case "subscribe" -> 900;
            case "follow" -> 500;
            case "share" -> 300;
            case "like" -> 200;
            default -> 100;
        };
    }

    /** image or video, by the file's extension: the overlay needs to know which element to use. */
    static String mediaKind(String media) {
        String path = media.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (media.isEmpty()) return "";
        return path.endsWith(".mp4") || path.endsWith(".webm") || path.endsWith(".mov") ? "video" : "image";
    }
}
