package io.symsweep.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads a comma-separated file with a header row (RFC 4180: fields may be quoted with {@code "}, a quote inside a
 * quoted field is doubled, quoted fields may hold commas and line breaks; CRLF or LF line ends; a UTF-8 byte-order
 * mark is skipped) into a {@link ColumnTable} of text columns. Written by hand: about sixty lines, and the project
 * then needs no CSV library. Blank lines are skipped; a row with another number of fields than the header throws,
 * naming the path and the line.
 */
public final class CsvTableReader {

    private CsvTableReader() {
    }

    /** The table in {@code path}. */
    public static ColumnTable read(Path path) {
        String name = path.toString();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(r, name);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, null, "no such file");
        } catch (IOException e) {
            throw new DataFileException(name, null, "cannot be read: " + e.getMessage());
        }
    }

    /** The table in {@code in}, errors naming {@code source}. */
    public static ColumnTable read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                endRecord(records, lines, record, field, recordLine);
                record = new ArrayList<>();
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new DataFileException(source, null, "line " + recordLine + ": a quoted field is not closed");
        }
        endRecord(records, lines, record, field, recordLine);
        if (records.isEmpty()) {
            throw new DataFileException(source, null, "is empty (no header row)");
        }
        List<String> header = records.get(0);
        LinkedHashMap<String, String[]> cells = new LinkedHashMap<>();
        for (String h : header) {
            String key = h.trim();
            if (key.isEmpty() || cells.containsKey(key)) {
                throw new DataFileException(source, key, key.isEmpty() ? "the header has an empty column name"
                        : "the header names this column twice");
            }
            cells.put(key, new String[records.size() - 1]);
        }
        for (int r = 1; r < records.size(); r++) {
            List<String> row = records.get(r);
            if (row.size() != header.size()) {
                throw new DataFileException(source, null, "line " + lines.get(r) + " has " + row.size()
                        + " fields, the header " + header.size());
            }
            int j = 0;
            for (String[] col : cells.values()) {
                col[r - 1] = row.get(j++);
            }
        }
        LinkedHashMap<String, ColumnTable.Column> columns = new LinkedHashMap<>();
        cells.forEach((k, v) -> columns.put(k, new ColumnTable.Text(v)));
        return new ColumnTable(source, columns);
    }

    private static void endRecord(List<List<String>> records, List<Integer> lines, List<String> record,
            StringBuilder field, int line) {
        record.add(field.toString());
        field.setLength(0);
        if (record.size() == 1 && record.get(0).isEmpty()) {
            return;
        }
        records.add(record);
        lines.add(line);
    }
}
