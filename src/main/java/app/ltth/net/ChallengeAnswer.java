package app.ltth.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The answer to a password challenge as OBS WebSocket v5 and Streamer.bot's WebSocket server ask it:
 * base64(sha256(base64(sha256(password + salt)) + challenge)). The password itself never goes over the wire.
 */
public final class ChallengeAnswer {

    private ChallengeAnswer() {
    }

    public static String answer(String password, String salt, String challenge) {
        String secret = sha256Base64(password + salt);
        return sha256Base64(secret + challenge);
    }

    private static String sha256Base64(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
