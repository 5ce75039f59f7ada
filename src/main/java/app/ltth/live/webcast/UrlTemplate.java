package app.ltth.live.webcast;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address with placeholders such as {user}, {roomId}, {userAgent} or {apiKey}: filled with URL-encoded values, and
 * checked when a streamer saves one, so that a typo is a 400 at the settings and never a failure at connect time.
 */
public final class UrlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private UrlTemplate() {
    }

    /** Replaces every known placeholder by its URL-encoded value (unknown ones stay as they are). */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group()
                    : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return m.appendTail(out).toString();
    }

    /**
     * @param allowed the placeholders this address may use
     * @param schemes the schemes it may have once filled (http and https, or ws and wss)
     * @throws IllegalArgumentException saying what is wrong, in words for the settings page
     */
    public static void check(String template, Set<String> allowed, Set<String> schemes) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException("{" + m.group(1) + "} is not a placeholder this address knows; use "
                        + String.join(", ", allowed.stream().sorted().map(p -> "{" + p + "}").toList()));
            }
        }
        String filled = fill(template, Map.of());
        for (String p : allowed) filled = filled.replace("{" + p + "}", "x");
        URI uri;
        try {
            uri = new URI(filled);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + template + "' is not a valid address (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + template + "' is not a valid address: it must start with "
                    + String.join(" or ", schemes.stream().sorted().map(s -> s + "://").toList()) + " and name a host");
        }
    }
}
