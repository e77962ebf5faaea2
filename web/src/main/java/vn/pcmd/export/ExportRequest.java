package vn.pcmd.export;

import vn.pcmd.core.units.Vintage;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One export: a dataset (a mart, {@code facts} or {@code submissions}) in a format, optionally only one unit and
 * everything below it, one level and one indicator, under a vintage's boundaries.
 */
public record ExportRequest(String dataset, ExportFormat format, Optional<String> unitCode, Optional<String> level, Optional<String> indicatorCode, Vintage vintage,
        Path out) {
    /** Every indicator. */
    public ExportRequest(String dataset, ExportFormat format, Optional<String> unitCode, Optional<String> level, Vintage vintage, Path out) {
        this(dataset, format, unitCode, level, Optional.empty(), vintage, out);
    }

    public ExportRequest {
        requireNonNull(indicatorCode, "indicatorCode is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(format, "format is null");
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(level, "level is null");
        requireNonNull(vintage, "vintage is null");
        requireNonNull(out, "out is null");
    }
}
