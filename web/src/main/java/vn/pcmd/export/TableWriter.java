package vn.pcmd.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Writes a table row by row as it is read, so that an export never holds the dataset in memory. Values are
 * {@link Number}, {@link String}, {@link Boolean}, {@link java.time.LocalDate}, {@link java.time.LocalDateTime}
 * (times in UTC) or null, as {@link ExportColumn.Kind} says.
 */
public interface TableWriter extends Closeable {
    void header(List<ExportColumn> columns) throws IOException;

    void row(Object[] values) throws IOException;
}
