package app.ltth.vdoninja;

import app.ltth.json.Json;
import app.ltth.plugin.PluginConfigRepository;
import app.ltth.store.Database;
import app.ltth.store.ProfileManager;
import com.fasterxml.jackson.databind.JsonNode;

/** The profile's VDO.Ninja room: created with a random id and password the first time, kept until renewed. */
public final class VdoNinjaService implements ProfileManager.Listener {


    public static final class NotActive extends RuntimeException {
        NotActive() {
            super("VDO.Ninja is off: turn on the plugin \"VDO.Ninja\" on the Plugins page");
        }
    }

    private final PluginConfigRepository store;
    private volatile VdoRoom room;
    private volatile boolean active;

    public VdoNinjaService(ProfileManager profiles) {
        this.store = new PluginConfigRepository(profiles, "vdoninja");
    }

    @Override
    public synchronized void profileOpened(String profile, Database database) {
        VdoRoom loaded = store.load("room", json -> Json.MAPPER.convertValue(json, VdoRoom.class), null, "VDO.Ninja room");
        room = loaded != null ? loaded : save(VdoRoom.create(VdoRoom.DEFAULT_BASE));
    }

    public void setActive(boolean on) {
        active = on;
    }

    public VdoRoom room() {
        if (!active) throw new NotActive();
        return room;
    }

    public synchronized VdoRoom configure(JsonNode json) {
        return room = save(room().with(json));
    }

    /** A new room id and password: every link given out before stops working. */
    public synchronized VdoRoom renew() {
        VdoRoom old = room();
        VdoRoom fresh = VdoRoom.create(old.baseUrl());
        return room = save(new VdoRoom(old.baseUrl(), fresh.room(), fresh.password(), old.layout(), old.guests()));
    }

    private VdoRoom save(VdoRoom r) {
        store.save("room", r);
        return r;
    }
}
