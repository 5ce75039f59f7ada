package app.ltth.commands;

import app.ltth.events.ChatEvent;
import app.ltth.events.User;
import app.ltth.i18n.Texts;
import app.ltth.viewers.ViewerDirectory;
import app.ltth.viewers.XpService;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * LTTH's own chat commands: !help and !commands, and the viewer levels' !xp (also !rank), !points, !top and !give
 * (moderators). TikTok offers no way to write into the chat, so they answer through {@code say} (text to speech), in
 * the streamer's language.
 */
public final class BuiltInCommands {

    private final CommandEngine commands;
    private final XpService xp;
    private final ViewerDirectory viewers;
    private final Supplier<Texts> texts;
    private final Consumer<String> say;

    private BuiltInCommands(CommandEngine commands, XpService xp, ViewerDirectory viewers, Supplier<Texts> texts,
                            Consumer<String> say) {
        this.commands = commands;
        this.xp = xp;
        this.viewers = viewers;
        this.texts = texts;
        this.say = say;
    }

    public static void register(CommandEngine commands, XpService xp, ViewerDirectory viewers, Supplier<Texts> texts,
                                Consumer<String> say) {
        BuiltInCommands b = new BuiltInCommands(commands, xp, viewers, texts, say);
        CommandSettings slow = CommandSettings.everyone(30);
        commands.register(new CommandEngine.Registered("help", "builtin", "commands.desc.help", slow, (call, chat) ->
                b.answer("commands.answer.help", Map.of("prefix", commands.prefixes().substring(0, 1)))));
        commands.register(new CommandEngine.Registered("commands", "builtin", "commands.desc.commands", slow, (call, chat) ->
                b.answer("commands.answer.list", Map.of("commands", commands.summary()))));
        commands.register(new CommandEngine.Registered("xp", "xp", "commands.desc.xp",
                new CommandSettings(true, List.of("rank"), Permission.EVERYONE, 0, 0, 30, 0), b::rank));
        commands.register(new CommandEngine.Registered("points", "xp", "commands.desc.points", slow, b::points));
        commands.register(new CommandEngine.Registered("top", "xp", "commands.desc.top",
                new CommandSettings(true, List.of(), Permission.EVERYONE, 0, 0, 0, 60), b::top));
        commands.register(new CommandEngine.Registered("give", "xp", "commands.desc.give",
                new CommandSettings(true, List.of(), Permission.MODERATOR, 0, 0, 0, 0), b::give));
    }

    private void answer(String key, Map<String, ?> values) {
        say.accept(texts.get().get(key, values));
    }

    /** !rank: the viewer card on the overlays, spoken too, or one of the two, as the XP settings say. */
    private void rank(CommandCall call, ChatEvent chat) throws Exception {
        if (!xp.active()) return;
        String who = chat.user().nickname();
        if (xp.config().rankOnCard()) xp.showCard(chat.user().uniqueId());
        if (!xp.config().rankSpoken()) return;
        xp.viewer(chat.user().uniqueId()).ifPresentOrElse(v -> answer("xp.answer.rank", Map.of("name", who,
                "level", v.get("level"), "levelName", v.get("levelName"), "xp", v.get("xp"), "points", v.get("points"))),
                () -> answer("xp.answer.none", Map.of("name", who)));
    }

    private void points(CommandCall call, ChatEvent chat) {
        if (!xp.active()) return;
        String who = chat.user().nickname();
        long points = xp.viewer(chat.user().uniqueId()).map(v -> ((Number) v.get("points")).longValue()).orElse(0L);
        answer("xp.answer.points", Map.of("name", who, "points", points));
    }

    private void top(CommandCall call, ChatEvent chat) throws Exception {
        if (!xp.active()) return;
        StringBuilder list = new StringBuilder();
        int place = 1;
        for (Map<String, Object> v : viewers.list("", "xp", 3)) {
            if (((Number) v.get("xp")).longValue() == 0) break;
            if (list.length() > 0) list.append(", ");
            list.append(place++).append(". ").append(v.get("nickname")).append(" (").append(v.get("level")).append(')');
        }
        answer("xp.answer.top", Map.of("list", list.toString()));
    }

    /** !give @anna 50: a moderator's gift of points (the permission is the command's: moderators by default). */
    private void give(CommandCall call, ChatEvent chat) {
        if (!xp.active() || call.args().size() < 2) return;
        long amount;
        try {
            amount = Long.parseLong(call.args().get(1));
        } catch (NumberFormatException e) {
            return;
        }
        if (amount <= 0 || amount > 1_000_000) return;
        String to = User.handle(call.args().get(0));
        xp.change(to, "points", amount, "!give of @" + chat.user().uniqueId()).ifPresent(v ->
                answer("xp.answer.give", Map.of("by", chat.user().nickname(), "name", v.nickname(), "points", amount)));
    }
}
