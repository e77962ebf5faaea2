package vn.pcmd.ingest.generate;

import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.ingest.form.FormIdentity;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One file the generator will write: whose form it is, its figures in tenths per row of the form and year of the
 * period ({@link ValueGenerator#EMPTY} where blank), the years it covers, when it was sent, and its deliberate error.
 */
final class FilePlan {
    final String file;
    final Form form;
    final UnitTimeline unit;
    final Optional<String> agency;
    final long[] values;
    final boolean[] years;
    final LocalDate submittedOn;
    final boolean late;
    private Optional<ErrorKind> error = Optional.empty();

    FilePlan(String file, Form form, UnitTimeline unit, Optional<String> agency, long[] values, boolean[] years, LocalDate submittedOn, boolean late) {
        this.file = requireNonNull(file, "file is null");
        this.form = requireNonNull(form, "form is null");
        this.unit = requireNonNull(unit, "unit is null");
        this.agency = requireNonNull(agency, "agency is null");
        this.values = requireNonNull(values, "values is null");
        this.years = requireNonNull(years, "years is null");
        this.submittedOn = requireNonNull(submittedOn, "submittedOn is null");
        this.late = late;
    }

    UnitLevel level() {
        return unit.level();
    }

    FormIdentity identity() {
        return new FormIdentity(form, unit.code(), unit.latest().name(), agency, Optional.of(submittedOn));
    }

    Optional<ErrorKind> error() {
        return error;
    }

    void error(ErrorKind kind) {
        error = Optional.of(kind);
    }

    boolean expectedAccepted() {
        return error.map(kind -> !kind.rejectsFile()).orElse(true);
    }

    /** The stream parts of this file: unit code, form and department. */
    String[] streamKey(String purpose) {
        return new String[] {unit.code(), form.name(), agency.orElse(""), purpose};
    }
}
