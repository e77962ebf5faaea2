package vn.pcmd.ingest;

import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.units.UnitLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The validated figures one unit (and, for Phụ lục IA, one department) sent in one file. Sending the same unit,
 * form and department again supersedes its figures for the years the new submission reports.
 */
public record Submission(
        String sourceFile,
        String sha256,
        Form form,
        String unitCode,
        String unitName,
        UnitLevel unitLevel,
        String provinceCode,
        Optional<String> agency,
        String period,
        Optional<LocalDate> submittedOn,
        String sheet,
        List<Fact> facts,
        List<Issue> warnings) {
    public Submission {
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(form, "form is null");
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(unitName, "unitName is null");
        requireNonNull(unitLevel, "unitLevel is null");
        requireNonNull(provinceCode, "provinceCode is null");
        requireNonNull(agency, "agency is null");
        requireNonNull(period, "period is null");
        requireNonNull(submittedOn, "submittedOn is null");
        requireNonNull(sheet, "sheet is null");
        facts = List.copyOf(requireNonNull(facts, "facts is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    /** Who sent it: unit, form and department; a later submission with the same key supersedes this one. */
    public String key() {
        return unitCode + "|" + form.name() + "|" + agency.orElse("");
    }

    /** The years the facts are of, in order. */
    public SortedSet<Integer> yearsReported() {
        SortedSet<Integer> years = new TreeSet<>();
        facts.forEach(fact -> years.add(fact.year()));
        return years;
    }
}
