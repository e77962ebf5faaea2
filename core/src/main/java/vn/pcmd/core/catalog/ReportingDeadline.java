package vn.pcmd.core.catalog;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** When a form is due from reporters of a level, held as data for the timeliness checks. */
public record ReportingDeadline(Form form, String reporterLevel, LocalDate deadline, LocalDate coversFrom, LocalDate coversTo, String sourceVi) {
    public ReportingDeadline {
        requireNonNull(form, "form is null");
        requireNonNull(reporterLevel, "reporterLevel is null");
        requireNonNull(deadline, "deadline is null");
        requireNonNull(coversFrom, "coversFrom is null");
        requireNonNull(coversTo, "coversTo is null");
        requireNonNull(sourceVi, "sourceVi is null");
    }
}
