package app.ltth.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A chat line read as a command: {@code !cam 2} is {@code cam} with the argument {@code 2}. Double quotes (also
 * typographic ones) keep words together: {@code !so "Big Fan"} has one argument. Pure.
 *
 * @param name the command's name in lower case, without its prefix
 * @param args the arguments, quotes taken off
 * @param rest everything after the name, as written (what !tts reads aloud)
 */
public record CommandCall(String name, List<String> args, String rest) {

    /** What a name may be: letters and digits of any script, '_' and '-'. */
    public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_-]{1,32}");

    public CommandCall {
        args = List.copyOf(args);
    }

    /** The command in {@code comment} when it starts with one of {@code prefixes}, else empty. */
    public static Optional<CommandCall> parse(String comment, String prefixes) {
        if (comment == null) return Optional.empty();
        String text = comment.strip();
        if (text.length() < 2 || prefixes.indexOf(text.charAt(0)) < 0) return Optional.empty();
        int end = 1;
        while (end < text.length() && !space(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
        String name = text.substring(1, end).toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) return Optional.empty();
        String rest = text.substring(end).replaceFirst("^\\p{Z}+", "").strip();
        return Optional.of(new CommandCall(name, split(rest), rest));
    }

    /** Spaces of every kind part words, the no-break one (which phone keyboards put in) too. */
    private static boolean space(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static List<String> split(String rest) {
        List<String> args = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < rest.length(); ) {
            int c = rest.codePointAt(i);
            i += Character.charCount(c);
            if (c == '"' || c == '“' || c == '”' || c == '„') {
                quoted = !quoted;
                any = true;
            } else if (space(c) && !quoted) {
                if (any) args.add(word.toString());
                word.setLength(0);
                any = false;
            } else {
                word.appendCodePoint(c);
                any = true;
            }
        }
        if (any) args.add(word.toString());
        return args;
    }
}
