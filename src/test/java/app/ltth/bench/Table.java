package app.ltth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One section of the benchmark report: a Markdown table for people and the same numbers for the JSON file. */
record Table(String title, String notes, List<String> header, List<List<String>> rows, Map<String, Object> json) {

    static Table of(String title, String notes, List<String> header, Map<String, Object> json) {
        return new Table(title, notes, header, new ArrayList<>(), json);
    }

    Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) row.add(cell instanceof Number n && !(cell instanceof Double) ? String.format("%,d", n.longValue())
                : cell instanceof Double d ? String.format("%,.1f", d) : String.valueOf(cell));
        rows.add(row);
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        if (!notes.isEmpty()) out.append(notes).append("\n\n");
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> out.append("---|"));
        out.append('\n');
        for (List<String> row : rows) out.append("| ").append(String.join(" | ", row)).append(" |\n");
        return out.toString();
    }
}
