package app.ltth.audio;

/**
 * How long a clip plays, read from its bytes: exact for WAV (data size / byte rate), from the first frame's bit rate
 * for MP3 (exact for constant bit rates, which every TTS service sends). 0 when the format is not recognised.
 */
public final class AudioLength {

    private static final int[] MPEG1_LAYER3_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_LAYER3_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};

    private AudioLength() {
    }

    public static long millis(byte[] audio) {
        if (audio.length >= 12 && ascii(audio, 0, "RIFF") && ascii(audio, 8, "WAVE")) return wav(audio);
        return mp3(audio);
    }

    private static long wav(byte[] b) {
        long byteRate = 0;
        for (int at = 12; at + 8 <= b.length; ) {
            long size = le32(b, at + 4);
            if (ascii(b, at, "fmt ") && at + 20 <= b.length) byteRate = le32(b, at + 16);
            if (ascii(b, at, "data") && byteRate > 0) {
                // A writer that streams (espeak-ng to a pipe) leaves the size open: then the rest of the file is data.
                long data = size == 0 || size == 0xFFFFFFFFL || at + 8 + size > b.length ? b.length - at - 8 : size;
                return data * 1000 / byteRate;
            }
            at += 8 + (int) size + (int) (size & 1);
            if (size < 0 || size > b.length) break;
        }
        return 0;
    }

    private static long mp3(byte[] b) {
        int at = 0;
        if (b.length > 10 && ascii(b, 0, "ID3")) {
            at = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F));
        }
        for (; at + 4 <= b.length; at++) {
            if ((b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xE0) != 0xE0) continue;
            int version = (b[at + 1] >> 3) & 0x3;      // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
            int layer = (b[at + 1] >> 1) & 0x3;        // 1 = layer III
            int index = (b[at + 2] >> 4) & 0xF;
            if (layer != 1 || version == 1 || index == 0 || index == 15) continue;
            int kbps = version == 3 ? MPEG1_LAYER3_KBPS[index] : MPEG2_LAYER3_KBPS[index];
            return (long) (b.length - at) * 8 / kbps;
        }
        return 0;
    }

    private static boolean ascii(byte[] b, int at, String text) {
        if (at + text.length() > b.length) return false;
        for (int i = 0; i < text.length(); i++) if (b[at + i] != text.charAt(i)) return false;
        return true;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
