package app.ltth.plugin.api;

/**
 * An LTTH plugin. LTTH creates it with its public no-argument constructor, calls {@link #start} when it is enabled
 * and {@link #stop} when it is disabled, reloaded, or the app or profile closes. Everything registered through the
 * context (listeners, routes, socket events, flow triggers and actions) is removed by LTTH after {@code stop}, so a
 * plugin only has to release what it created itself.
 *
 * <pre>{@code
 * public final class HelloPlugin implements Plugin {
 *     public void start(PluginContext ctx) {
 *         ctx.onEvent(event -> {
 *             if (event instanceof GiftEvent gift && gift.isFinal()) ctx.emit("gift", Map.of("coins", gift.coins()));
 *         });
 *         ctx.route("GET", "stats", request -> Map.of("greeting", ctx.config().get("greeting").orElse("hi")));
 *     }
 * }
 * }</pre>
 */
public interface Plugin {

    /** Registers what the plugin does. Runs on the plugin's own thread, and must return within 10 seconds. */
    void start(PluginContext context) throws Exception;

    /** Releases what the plugin created itself (threads, files). Must return within 5 seconds. */
    default void stop() throws Exception {
    }
}
