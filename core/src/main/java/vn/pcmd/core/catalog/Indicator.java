package vn.pcmd.core.catalog;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A figure-carrying row of an official form.
 *
 * @param agency the department whose section holds the row (Phụ lục IA); empty for rows every reporter fills
 * @param marker the bullet the form prints before the label: "-", "+", "*" or nothing
 * @param labelVi the label as printed on the form, whitespace normalised, typos included
 * @param labelViCorrected the label with the form's misspellings corrected, where it has any
 * @param parentCode the total this row breaks down ("Trong đó", "+", "*"), if any
 * @param ofWhichWithinTotal whether this row's value may not exceed its parent's; false where the units differ
 *     (visits under people, money under a count)
 */
public record Indicator(
        String code,
        Form form,
        Optional<String> agency,
        String sectionCode,
        int position,
        String marker,
        String labelVi,
        Optional<String> labelViCorrected,
        String unitVi,
        Optional<String> parentCode,
        ValueType valueType,
        Aggregation aggregation,
        boolean ofWhichWithinTotal,
        String note) {
    public Indicator {
        requireNonNull(code, "code is null");
        requireNonNull(form, "form is null");
        requireNonNull(agency, "agency is null");
        requireNonNull(sectionCode, "sectionCode is null");
        requireNonNull(marker, "marker is null");
        requireNonNull(labelVi, "labelVi is null");
        requireNonNull(labelViCorrected, "labelViCorrected is null");
        requireNonNull(unitVi, "unitVi is null");
        requireNonNull(parentCode, "parentCode is null");
        requireNonNull(valueType, "valueType is null");
        requireNonNull(aggregation, "aggregation is null");
        requireNonNull(note, "note is null");
    }

    /** The label to show people: the corrected one where the form misspells it. */
    public String displayLabelVi() {
        return labelViCorrected.orElse(labelVi);
    }
}
