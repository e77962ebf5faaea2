package vn.pcmd.core.units;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One row of the 2025 commune crosswalk: an old commune (or, for five island districts, an old district);
 * twelve older GSO codes abolished before 2025-03 have no district code
 * and one new commune it went into. A split commune has one row per new commune, exactly one of them the default.
 */
public record CommuneMapping(
        Optional<String> oldCommuneCode,
        String oldName,
        Optional<String> oldDistrictCode,
        String oldProvinceCode,
        String newCommuneCode,
        String newCommuneName,
        String newProvinceCode,
        boolean split,
        int targetCount,
        boolean isDefault,
        String defaultBasis,
        boolean oldInUnits2024,
        String matchStatus) {
    public CommuneMapping {
        requireNonNull(oldCommuneCode, "oldCommuneCode is null");
        requireNonNull(oldName, "oldName is null");
        requireNonNull(oldDistrictCode, "oldDistrictCode is null");
        requireNonNull(oldProvinceCode, "oldProvinceCode is null");
        requireNonNull(newCommuneCode, "newCommuneCode is null");
        requireNonNull(newCommuneName, "newCommuneName is null");
        requireNonNull(newProvinceCode, "newProvinceCode is null");
        requireNonNull(defaultBasis, "defaultBasis is null");
        requireNonNull(matchStatus, "matchStatus is null");
    }

    /** The old unit's code: the commune, or the island district that had no communes. */
    public String oldCode() {
        return oldCommuneCode.orElseGet(oldDistrictCode::orElseThrow);
    }
}
