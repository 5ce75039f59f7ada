package app.ltth.plugin;

import app.ltth.plugin.api.PluginContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The flow triggers and actions that plugins offer, under {@code <pluginId>.<name>}. The flow engine lists them in
 * its editor, listens to the triggers and runs the actions; a plugin's entries disappear when it stops.
 */
public final class FlowExtensions {

    public record Trigger(String pluginId, String id, String description) {
        public String key() {
            return pluginId + "." + id;
        }
    }

    public record Action(String pluginId, String id, String description, PluginContext.FlowAction action) {
        public String key() {
            return pluginId + "." + id;
        }
    }

    private final Map<String, Trigger> triggers = new ConcurrentHashMap<>();
    private final Map<String, Action> actions = new ConcurrentHashMap<>();
    private final List<BiConsumer<Trigger, Map<String, Object>>> listeners = new CopyOnWriteArrayList<>();

    void addTrigger(Trigger t) {
        triggers.put(t.key(), t);
    }

    void addAction(Action a) {
        actions.put(a.key(), a);
    }

    void removePlugin(String pluginId) {
        triggers.values().removeIf(t -> t.pluginId().equals(pluginId));
        actions.values().removeIf(a -> a.pluginId().equals(pluginId));
    }

    /** @return false when the plugin never declared that trigger */
    boolean fire(String pluginId, String triggerId, Map<String, Object> data) {
        Trigger t = triggers.get(pluginId + "." + triggerId);
        if (t == null) return false;
        listeners.forEach(l -> l.accept(t, data));
        return true;
    }

    /** The flow engine's hook: called for every trigger a plugin fires. */
    public void onTrigger(BiConsumer<Trigger, Map<String, Object>> listener) {
        listeners.add(listener);
    }

    public List<Trigger> triggers() {
        return List.copyOf(triggers.values());
    }

    public List<Action> actions() {
        return List.copyOf(actions.values());
    }

    public java.util.Optional<Action> action(String key) {
        return java.util.Optional.ofNullable(actions.get(key));
    }
}
