package app.ltth.games;

/** Said when a game's plugin is off: nothing starts, and the caller (REST: 409, a flow: "not available") says so. */
public final class GameOff extends RuntimeException {

    GameOff(String game) {
        super("the game is off: turn the plugin '" + game + "' on under Plugins");
    }
}
