package app.ltth.history;

/** CSV as spreadsheets read it, for exports of what came from TikTok. */
public final class Csv {

    private Csv() {
    }

    /**
     * One CSV cell. Names come from TikTok: a cell that a spreadsheet would run as a formula (=, +, -, @) gets a
     * leading apostrophe, so opening an export can never execute anything.
     */
    public static String cell(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
