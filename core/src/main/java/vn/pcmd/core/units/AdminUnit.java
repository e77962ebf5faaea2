package vn.pcmd.core.units;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An administrative unit with its official GSO/NSO code (2 digits for a province, 3 for a district, 5 for a commune).
 * Codes are reused across the reform, so a code means something only together with its vintage or date.
 */
public record AdminUnit(
        String code,
        String name,
        UnitLevel level,
        Optional<String> parentCode,
        String type,
        String shortName,
        String nameEn,
        String provinceCode,
        String typeFull) {
    public AdminUnit {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(level, "level is null");
        requireNonNull(parentCode, "parentCode is null");
        requireNonNull(type, "type is null");
        requireNonNull(shortName, "shortName is null");
        requireNonNull(nameEn, "nameEn is null");
        requireNonNull(provinceCode, "provinceCode is null");
        requireNonNull(typeFull, "typeFull is null");
    }
}
