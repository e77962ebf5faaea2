package vn.pcmd.ingest.form;

import vn.pcmd.core.catalog.Form;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a workbook says about itself in its hidden {@value FormLayout#METADATA_SHEET} sheet and its title: which form,
 * from which unit (and, for Phụ lục IA, which department), for which programme period, sent when.
 *
 * @param unitName the unit's name as it should be printed ("Phường Bến Nghé", "Tỉnh Đồng Nai")
 * @param agency the department's code (agencies.csv); Phụ lục IA only
 * @param submittedOn the day the reporting office sent the form, where known
 */
public record FormIdentity(Form form, String unitCode, String unitName, Optional<String> agency, Optional<LocalDate> submittedOn) {
    public FormIdentity {
        requireNonNull(form, "form is null");
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(unitName, "unitName is null");
        requireNonNull(agency, "agency is null");
        requireNonNull(submittedOn, "submittedOn is null");
        if (form == Form.IA && agency.isEmpty()) {
            throw new IllegalArgumentException("A Phụ lục IA form of unit " + unitCode + " needs its department");
        }
        if (form == Form.IIA && agency.isPresent()) {
            throw new IllegalArgumentException("A Phụ lục IIA form has no department, got " + agency.get());
        }
    }

    /** A Phụ lục IIA from a commune, or a district's or province's consolidated one. */
    public static FormIdentity unit(String unitCode, String unitName) {
        return new FormIdentity(Form.IIA, unitCode, unitName, Optional.empty(), Optional.empty());
    }

    /** A Phụ lục IA from a provincial department. */
    public static FormIdentity department(String provinceCode, String provinceName, String agency) {
        return new FormIdentity(Form.IA, provinceCode, provinceName, Optional.of(agency), Optional.empty());
    }

    public FormIdentity submittedOn(LocalDate date) {
        return new FormIdentity(form, unitCode, unitName, agency, Optional.of(date));
    }
}
