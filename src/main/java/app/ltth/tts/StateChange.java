package app.ltth.tts;

import java.util.Objects;

/** Remembers the last state (null: all is well) and says when a new one differs: the moment worth a log line. */
final class StateChange {

    private String state;

    /** @return true when {@code next} is not the state before (the first failure, another one, or recovery) */
    synchronized boolean changedTo(String next) {
        if (Objects.equals(state, next)) return false;
        state = next;
        return true;
    }
}
