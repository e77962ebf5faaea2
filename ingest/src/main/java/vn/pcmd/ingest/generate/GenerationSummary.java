package vn.pcmd.ingest.generate;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** What one run of the generator wrote, for the end-of-run summary and for tests. */
public record GenerationSummary(
        Path directory,
        int communeForms,
        int districtForms,
        int provinceForms,
        int departmentForms,
        int communesNotReporting,
        int late,
        int withErrors,
        Duration elapsed) {
    public GenerationSummary {
        requireNonNull(directory, "directory is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    public int files() {
        return communeForms + districtForms + provinceForms + departmentForms;
    }

    public double formsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : files() / seconds;
    }
}
