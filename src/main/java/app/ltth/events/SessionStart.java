package app.ltth.events;

/**
 * Tells when a new LIVE session begins: the source going live after being anything but live or reconnecting.
 * Totals, goals and leaderboards of "this stream" start over then; a reconnect keeps them.
 */
public final class SessionStart {

    private ConnectionState state = ConnectionState.OFFLINE;

    /** Feed every event; true for the one that starts a new session. */
    public synchronized boolean isNewSession(LiveEvent event) {
        if (!(event instanceof ConnectionStatusEvent c)) return false;
        boolean fresh = c.state() == ConnectionState.LIVE
                && state != ConnectionState.LIVE && state != ConnectionState.RECONNECTING;
        state = c.state();
        return fresh;
    }
}
