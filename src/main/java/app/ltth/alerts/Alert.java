package app.ltth.alerts;

import java.util.Locale;

/**
 * One alert as the overlay shows it. {@code html} is the rendered template: its TikTok values are already escaped;
 * {@code name} is plain text for the avatar's initial when there is no picture.
 *
 * @param picture  the gift's picture (a web address or one of LTTH's own), empty for other types
 * @param avatar   the sender's profile picture, empty when unknown
 * @param priority which alert gives way when the queue is full: gifts by their coins above all others
 */
public record Alert(String id, String type, String html, String sound, double volume, String media, String mediaKind,
                    int seconds, String animation, String style, String picture, String avatar, String name,
                    long priority) {

    static final long GIFT = 1_000;
    /** The picture of a gift TikTok sent without one (LTTH's own drawing). */
    static final String GIFT_PICTURE = "/img/gifts/gift.svg";

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

    /** A picture address from TikTok (or a test) used only if it is a web address or LTTH's own: never javascript: or data:. */
    static String picture(Object url) {
        String u = url == null ? "" : url.toString();
        return u.matches("(https?://|/img/)\\S+") ? u : "";
    }
}
