package vn.pcmd.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Rows with a header, printed as RFC 4180 CSV or as a table aligned for a terminal. */
record Listing(List<String> header, List<List<String>> rows) {
    Listing {
        header = List.copyOf(requireNonNull(header, "header is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    void print(OutputFormat format, PrintWriter out) {
        switch (format) {
            case csv -> printCsv(out);
            case table -> printTable(out);
        }
        out.flush();
    }

    private void printCsv(PrintWriter out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printTable(PrintWriter out) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], width(row.get(column)));
            }
        }
        printRow(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            rule.append(column == 0 ? "" : "  ").append("-".repeat(widths[column]));
        }
        out.println(rule);
        rows.forEach(row -> printRow(out, row, widths));
        out.println("(" + rows.size() + " dòng / rows)");
    }

    private static void printRow(PrintWriter out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
            String value = row.get(column);
            line.append(column == 0 ? "" : "  ").append(value);
            if (column < row.size() - 1) {
                line.append(" ".repeat(widths[column] - width(value)));
            }
        }
        out.println(line);
    }

    /** Columns a value takes in a terminal: code points, since the data files are NFC and Vietnamese letters are precomposed. */
    private static int width(String value) {
        return value.codePointCount(0, value.length());
    }
}
