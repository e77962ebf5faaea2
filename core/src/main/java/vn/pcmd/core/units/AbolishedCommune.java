package vn.pcmd.core.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A commune that disappeared between 2021-11 and 2025-03, with its successor in the 2024 vintage where a
 * name match found a unique one (a heuristic, see data/units/SOURCE.md note 6).
 */
public record AbolishedCommune(
        String code,
        String name,
        String districtCode,
        String provinceCode,
        LocalDate validFrom,
        LocalDate validTo,
        Optional<String> successorCode,
        List<String> ambiguousCandidates,
        String match) {
    public AbolishedCommune {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(districtCode, "districtCode is null");
        requireNonNull(provinceCode, "provinceCode is null");
        requireNonNull(validFrom, "validFrom is null");
        requireNonNull(validTo, "validTo is null");
        requireNonNull(successorCode, "successorCode is null");
        ambiguousCandidates = List.copyOf(requireNonNull(ambiguousCandidates, "ambiguousCandidates is null"));
        requireNonNull(match, "match is null");
    }
}
