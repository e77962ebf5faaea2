package vn.pcmd.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a dataset is exported in. */
public enum ExportFormat {
    csv, xlsx, parquet;

    /** The format asked for, else the one the file name's extension names. */
    public static ExportFormat of(Optional<ExportFormat> asked, Path file) {
        return asked.or(() -> ofFileName(file)).orElseThrow(() -> new ExportException(ExportException.Code.FORMAT_UNKNOWN, file));
    }

    /** The format a file name's extension names, if any. */
    public static Optional<ExportFormat> ofFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> name.endsWith("." + format.name())).findFirst();
    }
}
