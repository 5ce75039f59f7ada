package app.ltth.flows;

import app.ltth.commands.CommandCall;
import app.ltth.input.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A flow's conditions: a tree of tests on an event's fields, parsed from the flow's JSON. Pure: randomness, the time
 * of day and who the top gifters are come from the {@link Env}.
 *
 * <pre>
 * {"field": "coins", "op": ">=", "value": 100}      ops: == != < <= > >= contains notContains startsWith endsWith
 *                                                    regex in notIn exists
 * {"all": [...]}  {"any": [...]}  {"not": {...}}
 * {"minCoins": 100}  {"gift": "Rose"}  {"user": "name" or ["a","b"]}  {"userIs": "follower|subscriber|moderator|topGifter|vip"}
 * {"teamLevelAtLeast": 3}  {"chance": 0.25}  {"timeBetween": ["18:00", "23:30"]}
 * {"command": "hug"}                                 the chat message is that command (!hug or /hug, any arguments)
 * </pre>
 * A comparison whose sides do not fit (text against a number) is false, never an error; text comparisons ignore case.
 */
public sealed interface Condition {

    /** What a condition may ask of the world. */
    interface Env {
        double random();

        LocalTime now();

        boolean isTopGifter(String userId);

        /** The time this event's regex conditions have left, shared by all flows that look at the event. */
        RegexBudget regexBudget();

        /** Whether the streamer marked this @handle as a VIP in the chat panel. */
        default boolean isVip(String username) {
            return false;
        }

        /** What chat commands start with: the configured prefix and '/'. */
        default String commandPrefixes() {
            return "!/";
        }
    }

    boolean test(Map<String, Object> fields, Env env);

    /** How the condition reads, for the run log. */
    String describe();

    Set<String> OPS = Set.of("==", "!=", "<", "<=", ">", ">=", "contains", "notContains", "startsWith", "endsWith",
            "regex", "in", "notIn", "exists");

    static Condition parse(JsonNode node, String path) {
        if (node == null || node.isNull()) return new All(List.of());
        if (!node.isObject() || node.size() == 0) throw new ValidationException(path, path + " must be an object such as "
                + "{\"field\": \"coins\", \"op\": \">=\", \"value\": 100}");
        if (node.has("all")) return new All(list(node.get("all"), path + ".all"));
        if (node.has("any")) return new Any(list(node.get("any"), path + ".any"));
        if (node.has("not")) return new Not(parse(node.get("not"), path + ".not"));
        if (node.has("field")) return Compare.parse(node, path);
        if (node.has("minCoins")) {
            return new Compare("coins", ">=", number(node.get("minCoins"), path + ".minCoins"), null, "minCoins");
        }
        if (node.has("gift")) return new Compare("giftName", "==", text(node.get("gift"), path + ".gift"), null, "gift");
        if (node.has("user")) {
            JsonNode users = node.get("user");
            if (users.isArray()) return new Compare("username", "in", users, null, "user");
            return new Compare("username", "==", text(users, path + ".user"), null, "user");
        }
        if (node.has("teamLevelAtLeast")) {
            return new Compare("teamLevel", ">=", number(node.get("teamLevelAtLeast"), path + ".teamLevelAtLeast"), null,
                    "teamLevelAtLeast");
        }
        if (node.has("userIs")) {
            String role = text(node.get("userIs"), path + ".userIs");
            if (!Set.of("follower", "subscriber", "moderator", "topGifter", "vip").contains(role)) {
                throw new ValidationException(path + ".userIs", "userIs must be follower, subscriber, moderator, topGifter or vip");
            }
            return new UserIs(role);
        }
        if (node.has("chance")) {
            double p = number(node.get("chance"), path + ".chance");
            if (p < 0 || p > 1) throw new ValidationException(path + ".chance", "chance must be between 0 and 1");
            return new Chance(p);
        }
        if (node.has("timeBetween")) {
            JsonNode t = node.get("timeBetween");
            if (!t.isArray() || t.size() != 2) {
                throw new ValidationException(path + ".timeBetween", "timeBetween needs two times, e.g. [\"18:00\", \"23:30\"]");
            }
            return new TimeBetween(time(t.get(0), path + ".timeBetween[0]"), time(t.get(1), path + ".timeBetween[1]"));
        }
        if (node.has("command")) {
            String name = text(node.get("command"), path + ".command").strip().toLowerCase(Locale.ROOT).replaceFirst("^[!/]", "");
            if (!CommandCall.NAME.matcher(name).matches()) {
                throw new ValidationException(path + ".command", "command must be a command's name, e.g. hug");
            }
            return new IsCommand(name);
        }
        throw new ValidationException(path, path + " is not a condition LTTH knows: use field/op/value, all, any, not, "
                + "minCoins, gift, user, userIs, teamLevelAtLeast, chance, timeBetween or command");
    }

    private static List<Condition> list(JsonNode node, String path) {
        if (node == null || !node.isArray()) throw new ValidationException(path, path + " must be a list of conditions");
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) out.add(parse(node.get(i), path + "[" + i + "]"));
        return List.copyOf(out);
    }

    private static double number(JsonNode node, String path) {
        if (node == null || !node.isNumber()) throw new ValidationException(path, path + " must be a number");
        return node.asDouble();
    }

    private static String text(JsonNode node, String path) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ValidationException(path, path + " must be a non-empty text");
        }
        return node.asText();
    }

    private static LocalTime time(JsonNode node, String path) {
        try {
            return LocalTime.parse(text(node, path));
        } catch (DateTimeParseException e) {
            throw new ValidationException(path, path + " must be a time such as 18:00");
        }
    }

    record All(List<Condition> all) implements Condition {
        public boolean test(Map<String, Object> f, Env env) {
            for (Condition c : all) if (!c.test(f, env)) return false;
            return true;
        }

        public String describe() {
            return all.isEmpty() ? "always" : "all of " + all.stream().map(Condition::describe).toList();
        }
    }

    record Any(List<Condition> any) implements Condition {
        public boolean test(Map<String, Object> f, Env env) {
            for (Condition c : any) if (c.test(f, env)) return true;
            return false;
        }

        public String describe() {
            return "any of " + any.stream().map(Condition::describe).toList();
        }
    }

    record Not(Condition not) implements Condition {
        public boolean test(Map<String, Object> f, Env env) {
            return !not.test(f, env);
        }

        public String describe() {
            return "not " + not.describe();
        }
    }

    record UserIs(String role) implements Condition {
        public boolean test(Map<String, Object> f, Env env) {
            if (role.equals("topGifter")) return f.get("userId") != null && env.isTopGifter(String.valueOf(f.get("userId")));
            if (role.equals("vip")) return f.get("username") != null && env.isVip(String.valueOf(f.get("username")));
            return Boolean.TRUE.equals(f.get(role));
        }

        public String describe() {
            return "user is " + role;
        }
    }

    /** The event's chat message is this command, as typed (with the command prefix or /). */
    record IsCommand(String name) implements Condition {
        @Override
        public boolean test(Map<String, Object> fields, Env env) {
            Object comment = fields.get("comment");
            return comment instanceof String text
                    && CommandCall.parse(text, env.commandPrefixes()).map(call -> call.name().equals(name)).orElse(false);
        }

        @Override
        public String describe() {
            return "command is !" + name;
        }
    }

    record Chance(double probability) implements Condition {
        public boolean test(Map<String, Object> f, Env env) {
            return env.random() < probability;
        }

        public String describe() {
            return "chance " + probability;
        }
    }

    /** Between two times of day; a window like 22:00-02:00 runs past midnight. */
    record TimeBetween(LocalTime from, LocalTime to) implements Condition {
        public boolean test(Map<String, Object> f, Env env) {
            LocalTime now = env.now();
            return from.isAfter(to) ? !now.isBefore(from) || now.isBefore(to) : !now.isBefore(from) && now.isBefore(to);
        }

        public String describe() {
            return "time between " + from + " and " + to;
        }
    }

    /** One field against a value. */
    record Compare(String field, String op, Object value, Pattern regex, String shortcut) implements Condition {

        static Compare parse(JsonNode node, String path) {
            String field = text(node.get("field"), path + ".field");
            JsonNode opNode = node.get("op");
            String op = opNode == null ? "==" : opNode.asText();
            if (!OPS.contains(op)) throw new ValidationException(path + ".op", "Unknown operator '" + op + "': use one of " + OPS);
            JsonNode value = node.get("value");
            if (!op.equals("exists") && (value == null || value.isNull())) {
                throw new ValidationException(path + ".value", path + ".value is required for '" + op + "'");
            }
            if ((op.equals("in") || op.equals("notIn")) && !value.isArray()) {
                throw new ValidationException(path + ".value", "'" + op + "' needs a list, e.g. [\"Rose\", \"TikTok\"]");
            }
            Pattern regex = null;
            if (op.equals("regex")) {
                try {
                    regex = Pattern.compile(value.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                } catch (PatternSyntaxException e) {
                    throw new ValidationException(path + ".value", "This is not a valid regular expression: " + e.getDescription());
                }
            }
            Object v = value == null ? null : value.isNumber() ? (Object) value.asDouble() : value.isBoolean()
                    ? (Object) value.asBoolean() : value.isArray() ? value : value.asText();
            return new Compare(field, op, v, regex, null);
        }

        public boolean test(Map<String, Object> fields, Env env) {
            Object actual = fields.get(field);
            if (op.equals("exists")) return actual != null && !String.valueOf(actual).isEmpty();
            if (actual == null) return op.equals("!=") || op.equals("notContains") || op.equals("notIn");
            return switch (op) {
                case "==" -> same(actual, value);
                case "!=" -> !same(actual, value);
                case "<", "<=", ">", ">=" -> numeric(actual, value, op);
                case "contains" -> lower(actual).contains(lower(value));
                case "notContains" -> !lower(actual).contains(lower(value));
                case "startsWith" -> lower(actual).startsWith(lower(value));
                case "endsWith" -> lower(actual).endsWith(lower(value));
                case "regex" -> env.regexBudget().find(regex, String.valueOf(actual));
                case "in" -> inList(actual);
                case "notIn" -> !inList(actual);
                default -> false;
            };
        }

        private boolean inList(Object actual) {
            for (JsonNode item : (JsonNode) value) {
                if (same(actual, item.isNumber() ? (Object) item.asDouble() : item.asText())) return true;
            }
            return false;
        }

        public String describe() {
            String v = value instanceof JsonNode n ? n.toString() : String.valueOf(value);
            return shortcut != null ? shortcut + " " + v : field + " " + op + (op.equals("exists") ? "" : " " + v);
        }
    }

    private static boolean same(Object a, Object b) {
        Double x = asNumber(a);
        Double y = asNumber(b);
        if (x != null && y != null) return x.doubleValue() == y.doubleValue();
        return lower(a).equals(lower(b));
    }

    private static boolean numeric(Object a, Object b, String op) {
        Double x = asNumber(a);
        Double y = asNumber(b);
        if (x == null || y == null) return false;   // a type mismatch: the condition does not hold
        return switch (op) {
            case "<" -> x < y;
            case "<=" -> x <= y;
            case ">" -> x > y;
            default -> x >= y;
        };
    }

    private static Double asNumber(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String lower(Object o) {
        return String.valueOf(o).toLowerCase(Locale.ROOT);
    }
}
