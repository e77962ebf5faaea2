package vn.pcmd.export;

import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.units.Vintage;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A consolidated report: the official form {@code form} for unit {@code unitCode} of {@code vintage}; for Phụ lục IA,
 * one department's figures ({@code agency}) or all of them.
 */
public record ReportRequest(String unitCode, Form form, Vintage vintage, Optional<String> agency) {
    public ReportRequest {
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(form, "form is null");
        requireNonNull(vintage, "vintage is null");
        requireNonNull(agency, "agency is null");
    }
}
