package vn.pcmd.ingest.xlsx;

/**
 * Bounds on what a workbook may make the reader do. An official form is about 120 rows by 9 columns and a few
 * tens of kilobytes; the limits leave room for offices' own sheets while refusing zip bombs and runaway sheets.
 *
 * @param maxEntryBytes the most one zip entry may inflate to
 * @param maxTotalBytes the most all entries read may inflate to
 * @param maxCompressionRatio inflated / compressed size above which an entry is a bomb (once past 1 MiB)
 * @param maxRows rows per sheet
 * @param maxColumns columns per row
 * @param maxEntries zip entries
 */
public record XlsxLimits(long maxEntryBytes, long maxTotalBytes, double maxCompressionRatio, int maxRows, int maxColumns, int maxEntries) {
    public static final XlsxLimits DEFAULT = new XlsxLimits(64L << 20, 256L << 20, 200, 5_000, 200, 1_000);
}
