package app.ltth.lan;

import java.security.SecureRandom;
import java.util.Base64;

/** The two secrets of LAN mode: the dashboard link's and the overlay link's. */
public record LanTokens(String dashboard, String overlay) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Two new tokens of 256 random bits each: links given out before stop working. */
    public static LanTokens fresh() {
        return new LanTokens(token(), token());
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
