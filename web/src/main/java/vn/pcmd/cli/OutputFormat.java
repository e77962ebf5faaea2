package vn.pcmd.cli;

/** How a listing is printed: CSV for other programs and spreadsheets, an aligned table for people. */
public enum OutputFormat {
    csv,
    table
}
