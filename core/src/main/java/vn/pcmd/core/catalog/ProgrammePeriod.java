package vn.pcmd.core.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * A programme period whose forms the catalog describes, e.g. 2021–2025 under Decision 1629/QĐ-TTg.
 *
 * @param partialYear a year the forms cover only in part (2025: 01/01–30/06 in seed 004)
 */
public record ProgrammePeriod(
        String code,
        int firstYear,
        int lastYear,
        Optional<Integer> partialYear,
        Optional<LocalDate> partialYearFrom,
        Optional<LocalDate> partialYearTo,
        List<Form> forms,
        String decisionVi) {
    public ProgrammePeriod {
        requireNonNull(code, "code is null");
        requireNonNull(partialYear, "partialYear is null");
        requireNonNull(partialYearFrom, "partialYearFrom is null");
        requireNonNull(partialYearTo, "partialYearTo is null");
        forms = List.copyOf(requireNonNull(forms, "forms is null"));
        requireNonNull(decisionVi, "decisionVi is null");
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("Period " + code + ": first year " + firstYear + " is after last year " + lastYear);
        }
    }

    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    public boolean isPartial(int year) {
        return partialYear.map(partial -> partial == year).orElse(false);
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
