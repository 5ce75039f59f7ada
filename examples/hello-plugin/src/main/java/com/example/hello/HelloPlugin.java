package com.example.hello;

import app.ltth.events.GiftEvent;
import app.ltth.plugin.api.Plugin;
import app.ltth.plugin.api.PluginContext;
import app.ltth.plugin.api.PluginHttpException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An example LTTH plugin: counts gifts, shows them on its overlay, keeps a greeting in the profile's settings and
 * offers a flow action and a chat command (!hello) that greet a viewer on the overlay.
 */
public final class HelloPlugin implements Plugin {

    private final AtomicLong gifts = new AtomicLong();
    private final AtomicLong coins = new AtomicLong();

    @Override
    public void start(PluginContext ctx) {
        ctx.onEvent(event -> {
            if (event instanceof GiftEvent gift && gift.isFinal()) {
                gifts.addAndGet(gift.repeatCount());
                coins.addAndGet(gift.coins());
                ctx.emit("gift", Map.of("user", gift.user().nickname(), "gift", gift.giftName(), "coins", gift.coins()));
            }
        });

        // GET /api/plugins/hello/stats
        ctx.route("GET", "stats", request -> Map.of("gifts", gifts.get(), "coins", coins.get(), "greeting", greeting(ctx)));

        // POST /api/plugins/hello/greeting with the new greeting as the body
        ctx.route("POST", "greeting", request -> {
            String text = request.body() == null ? "" : request.body().trim();
            if (text.isEmpty() || text.length() > 100) {
                throw new PluginHttpException(400, "Send a greeting of 1 to 100 characters");
            }
            ctx.config().set("greeting", text);
            return Map.of("greeting", text);
        });

        ctx.registerFlowAction("greet", "Greets a viewer on the Hello overlay", input -> {
            String text = greeting(ctx) + " " + input.getOrDefault("username", "");
            ctx.emit("greeting", Map.of("text", text));
            return text;
        });

        // !hello in the chat: the streamer sets who may use it and how often on the Commands page
        ctx.registerCommand("hello", "Greets whoever writes it on the Hello overlay", (user, args, rest) ->
                ctx.emit("greeting", Map.of("text", greeting(ctx) + " " + user.nickname())));

        ctx.log().info("Hello plugin started; greeting is '{}'", greeting(ctx));
    }

    private static String greeting(PluginContext ctx) {
        return ctx.config().get("greeting").orElse("Hello");
    }
}
