package app.ltth.tts;

import java.util.List;

/** One way of turning text into speech. Engines that need a key or a program say why they cannot speak. */
public interface TtsEngine {

    /** A voice of an engine; {@code id} is the engine's own name for it. */
    record Voice(String id, String name, String language) {
    }

    /** Audio bytes and their type (audio/wav or audio/mpeg). */
    record Speech(byte[] audio, String mimeType) {
        String extension() {
            return mimeType.equals("audio/wav") ? "wav" : "mp3";
        }
    }

    String id();

    String name();

    /** Null when the engine can speak; otherwise what the streamer can do about it. */
    String unavailableReason();

    List<Voice> voices();

    String defaultVoice();

    Speech speak(String text, String voice) throws TtsException;
}
