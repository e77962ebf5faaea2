package vn.pcmd.core.catalog;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A heading of a form ("1. Công an tỉnh", "Trong đó"-less groupings): kept for layout and grouping, carries no figures. */
public record Section(String code, Form form, Optional<String> agency, Optional<String> parentCode, int position, String labelVi) {
    public Section {
        requireNonNull(code, "code is null");
        requireNonNull(form, "form is null");
        requireNonNull(agency, "agency is null");
        requireNonNull(parentCode, "parentCode is null");
        requireNonNull(labelVi, "labelVi is null");
    }
}
