package app.ltth.vdoninja;

import app.ltth.input.JsonFields;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VDO.Ninja room and the links that use it: the director's control room, one invite per guest slot (each guest
 * pushes a fixed stream id into its slot), a solo view per guest and the scene for OBS, laid out as chosen. Pure:
 * the links follow from the stored settings alone.
 */
public record VdoRoom(String baseUrl, String room, String password, String layout, List<Guest> guests) {

    public record Guest(int slot, String name) {
    }

    public record GuestLinks(int slot, String name, String streamId, String invite, String solo) {
    }

    public record Links(String director, String scene, List<GuestLinks> guests) {
    }

    public static final int MAX_GUESTS = 10;
    public static final String DEFAULT_BASE = "https://vdo.ninja/";
    /** Named layouts in VDO.Ninja's layout format (positions in percent, slot = guest slot - 1); "auto" lets it mix. */
    static final Map<String, String> LAYOUTS = Map.of(
            "auto", "",
            "sideBySide", "[{\"x\":0,\"y\":0,\"w\":50,\"h\":100,\"c\":false,\"slot\":0},{\"x\":50,\"y\":0,\"w\":50,\"h\":100,\"c\":false,\"slot\":1}]",
            "pip", "[{\"x\":0,\"y\":0,\"w\":100,\"h\":100,\"z\":0,\"c\":false,\"slot\":0},{\"x\":70,\"y\":70,\"w\":30,\"h\":30,\"z\":1,\"c\":true,\"slot\":1}]",
            "quad", "[{\"x\":0,\"y\":0,\"w\":50,\"h\":50,\"c\":true,\"slot\":0},{\"x\":50,\"y\":0,\"w\":50,\"h\":50,\"c\":true,\"slot\":1},"
                    + "{\"x\":0,\"y\":50,\"w\":50,\"h\":50,\"c\":true,\"slot\":2},{\"x\":50,\"y\":50,\"w\":50,\"h\":50,\"c\":true,\"slot\":3}]");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";   // no 0/o, 1/l: read aloud to a guest
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new room with a random id and password and two guest slots. */
    public static VdoRoom create(String baseUrl) {
        return new VdoRoom(baseUrl, "ltth" + random(10), random(12), "auto", List.of(new Guest(1, "Guest 1"), new Guest(2, "Guest 2")));
    }

    /** The same room and password with new settings from the dashboard: base address, layout, guest slots. */
    public VdoRoom with(JsonNode json) {
        if (json == null || !json.isObject()) throw new ValidationException("", "Send the VDO.Ninja settings as a JSON object");
        JsonFields f = new JsonFields(json, "");
        String base = f.text("baseUrl", baseUrl, 200);
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("baseUrl", "Enter the address of VDO.Ninja, like " + DEFAULT_BASE);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getQuery() != null) {
            throw new ValidationException("baseUrl", "Enter the https address of VDO.Ninja, like " + DEFAULT_BASE);
        }
        if (!base.endsWith("/")) base += "/";
        String layout = f.choice("layout", List.copyOf(new java.util.TreeSet<>(LAYOUTS.keySet())), this.layout);
        List<Guest> list = new ArrayList<>();
        JsonNode g = json.has("guests") ? json.get("guests") : null;
        if (g == null) {
            list.addAll(guests);
        } else {
            if (!g.isArray() || g.size() > MAX_GUESTS) throw new ValidationException("guests", "At most " + MAX_GUESTS + " guest slots");
            for (int i = 0; i < g.size(); i++) {
                String name = new JsonFields(g.get(i), "guests[" + i + "]").text("name", "Guest " + (i + 1), 40);
                list.add(new Guest(i + 1, name.isEmpty() ? "Guest " + (i + 1) : name));
            }
        }
        return new VdoRoom(base, room, password, layout, List.copyOf(list));
    }

    public Links links() {
        String auth = "room=" + enc(room) + "&password=" + enc(password);
        String layoutJson = LAYOUTS.getOrDefault(layout, "");
        String director = baseUrl + "?director=" + enc(room) + "&password=" + enc(password)
                + (layoutJson.isEmpty() ? "" : "&layouts=" + enc("[" + layoutJson + "]"));
        String scene = baseUrl + "?scene=0&" + auth + "&cleanoutput" + (layoutJson.isEmpty() ? "" : "&layout=" + enc(layoutJson));
        List<GuestLinks> links = new ArrayList<>();
        for (Guest guest : guests) {
            String stream = streamId(guest.slot());
            links.add(new GuestLinks(guest.slot(), guest.name(), stream,
                    baseUrl + "?" + auth + "&push=" + stream + "&slot=" + guest.slot() + "&label=" + enc(guest.name()),
                    baseUrl + "?view=" + stream + "&solo&" + auth + "&cleanoutput"));
        }
        return new Links(director, scene, links);
    }

    /** A guest's fixed stream id: the solo link keeps working when the guest rejoins. */
    String streamId(int slot) {
        return room + "g" + slot;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return s.toString();
    }
}
