package vn.pcmd.ingest;

import static java.util.Objects.requireNonNull;

/** One validated figure of a submission, with the sheet and cell it was read from. */
public record Fact(String indicatorCode, int year, double value, String sheet, String cell) {
    public Fact {
        requireNonNull(indicatorCode, "indicatorCode is null");
        requireNonNull(sheet, "sheet is null");
        requireNonNull(cell, "cell is null");
    }
}
