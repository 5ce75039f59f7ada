package app.ltth.files;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File and folder names that work on every system LTTH runs on. Windows opens a device instead of a file for
 * {@code CON}, {@code NUL}, {@code COM1} and the like (with any extension), and drops trailing dots and spaces, so
 * {@code "stream."} and {@code "stream"} would be the same folder there. A profile or plugin moved between computers
 * must keep working, so these names are refused (or, where LTTH derives a name from an upload, changed) everywhere.
 */
public final class FileNames {

    private static final Pattern RESERVED =
            Pattern.compile("(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\\$|conout\\$)(\\..*)?");

    private FileNames() {
    }

    /** Whether {@code name} is neither a Windows device name nor ends in a dot or a space. */
    public static boolean isPortable(String name) {
        return name != null && !name.isEmpty() && !name.endsWith(".") && !name.endsWith(" ")
                && !RESERVED.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** {@code name} made portable: trailing dots and spaces dropped, a device name prefixed with {@code _}. */
    public static String portable(String name) {
        String trimmed = name.replaceAll("[. ]+$", "");
        return isPortable(trimmed) ? trimmed : "_" + trimmed;
    }
}
