package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Form;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a consolidated report (the filled form a level sends up, {@code ./pcmd report}) prints above its rows, beside
 * the form's own title: the unit line (row {@value FormLayout#UNIT_ROW}) and a subtitle saying what the figures are
 * consolidated from and under which boundaries (row {@value FormLayout#SUBTITLE_ROW}).
 *
 * @param agency for Phụ lục IA, the one department whose section is printed; empty prints every department's section
 * @param vintage the boundaries the figures are consolidated under ("2024" or "2025"), kept in the hidden sheet
 */
public record ReportHeading(Form form, String unitCode, String unitName, Optional<String> agency, String vintage, String unitLine, String subtitle) {
    public ReportHeading {
        requireNonNull(form, "form is null");
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(unitName, "unitName is null");
        requireNonNull(agency, "agency is null");
        requireNonNull(vintage, "vintage is null");
        requireNonNull(unitLine, "unitLine is null");
        requireNonNull(subtitle, "subtitle is null");
        if (form == Form.IIA && agency.isPresent()) {
            throw new IllegalArgumentException("A Phụ lục IIA report has no department, got " + agency.get());
        }
    }
}
