package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.catalog.Section;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One body row of a form as the template lays it out: a section heading (no figures) or an indicator.
 *
 * @param code the catalog code written in the hidden code column: a section code or an indicator code
 * @param label the label as the form prints it, with the indicator's marker ("+ Số người mua dâm")
 * @param unitVi the unit of measure printed in column B; empty for headings
 */
public record FormRow(String code, String label, String unitVi, Optional<Section> section, Optional<Indicator> indicator) {
    public FormRow {
        requireNonNull(code, "code is null");
        requireNonNull(label, "label is null");
        requireNonNull(unitVi, "unitVi is null");
        requireNonNull(section, "section is null");
        requireNonNull(indicator, "indicator is null");
        if (section.isPresent() == indicator.isPresent()) {
            throw new IllegalArgumentException("Row " + code + " must be either a heading or an indicator");
        }
    }

    public static FormRow heading(Section section) {
        return new FormRow(section.code(), section.labelVi(), "", Optional.of(section), Optional.empty());
    }

    public static FormRow indicator(Indicator indicator) {
        String label = indicator.marker().isEmpty() ? indicator.labelVi() : indicator.marker() + " " + indicator.labelVi();
        return new FormRow(indicator.code(), label, indicator.unitVi(), Optional.empty(), Optional.of(indicator));
    }

    public boolean isHeading() {
        return section.isPresent();
    }
}
