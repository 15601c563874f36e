package cn.jiaozuo.biodiversity.observation.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV file as Frictionless Data writes it (RFC 4180: comma, double quotes, CRLF or LF), header first. */
record Csv(List<String> header, List<Line> rows) {

    /** A data row; {@code number} is its line in the file (header = 1), as reported back to the uploader. */
    record Line(int number, Map<String, String> values) {
        /** The trimmed value of a column; empty when the column or value is absent. */
        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.trim();
        }
    }

    static Csv parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // spreadsheet programs add a byte-order mark
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // the \n that follows ends the record
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                lines.add(recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            return new Csv(List.of(), List.of());
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        List<Line> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue; // an empty line
            }
            Map<String, String> byColumn = new HashMap<>();
            for (int c = 0; c < header.size() && c < values.size(); c++) {
                byColumn.put(header.get(c), values.get(c));
            }
            rows.add(new Line(lines.get(r), byColumn));
        }
        return new Csv(header, rows);
    }
}
