package app.ltth.osc;

import java.util.ArrayList;
import java.util.List;

/**
 * OSC arguments written as text, the way the dashboard and flows take them: {@code b:true i:3 f:0.5 s:"hello world"}.
 * Without a type letter a value is read as what it looks like (true/false, a whole number, a decimal, else text).
 * VRChat tells bool, int and float parameters apart, so the types matter: an int 1 does not press a bool.
 */
public final class OscArgs {

    private OscArgs() {
    }

    /** @throws IllegalArgumentException naming the bad value */
    public static List<Object> parse(String spec) {
        List<Object> args = new ArrayList<>();
        int i = 0;
        int n = spec.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(spec.charAt(i))) i++;
            if (i >= n) break;
            String type = "";
            if (i + 1 < n && spec.charAt(i + 1) == ':' && "bifs".indexOf(spec.charAt(i)) >= 0) {
                type = String.valueOf(spec.charAt(i));
                i += 2;
            }
            StringBuilder value = new StringBuilder();
            boolean quoted = i < n && spec.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < n && spec.charAt(i) != '"') {
                    if (spec.charAt(i) == '\\' && i + 1 < n) i++;
                    value.append(spec.charAt(i++));
                }
                if (i >= n) throw new IllegalArgumentException("a quoted text is not closed with \"");
                i++;
            } else {
                while (i < n && !Character.isWhitespace(spec.charAt(i))) value.append(spec.charAt(i++));
            }
            args.add(value(type.isEmpty() && quoted ? "s" : type, value.toString()));
        }
        return args;
    }

    private static Object value(String type, String v) {
        try {
            return switch (type) {
                case "b" -> {
                    if (!v.equals("true") && !v.equals("false") && !v.equals("1") && !v.equals("0")) {
                        throw new IllegalArgumentException("b:" + v + " is not true or false");
                    }
                    yield v.equals("true") || v.equals("1");
                }
                case "i" -> Integer.parseInt(v);
                case "f" -> Float.parseFloat(v);
                case "s" -> v;
                default -> v.equals("true") || v.equals("false") ? (Object) Boolean.valueOf(v)
                        : v.matches("-?\\d{1,9}") ? (Object) Integer.valueOf(v)
                        : v.matches("-?\\d*\\.\\d+|-?\\d+\\.\\d*") ? (Object) Float.valueOf(v) : v;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(type + ":" + v + " is not a " + (type.equals("i") ? "whole number" : "number"));
        }
    }

    /** The typed text form of arguments, as the received list shows them. */
    public static String format(List<?> args) {
        StringBuilder out = new StringBuilder();
        for (Object a : args) {
            if (out.length() > 0) out.append(' ');
            if (a instanceof Boolean) out.append("b:").append(a);
            else if (a instanceof Integer || a instanceof Long) out.append("i:").append(a);
            else if (a instanceof Float || a instanceof Double) out.append("f:").append(a);
            else out.append("s:\"").append(String.valueOf(a).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.toString();
    }
}
