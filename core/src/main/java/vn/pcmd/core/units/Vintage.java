package vn.pcmd.core.units;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A set of boundaries figures can be shown under: the last structure before the 2025 reform
 * (state of 2025-03-01, with districts) or the structure from 1 July 2025 (provinces and communes only).
 */
public enum Vintage {
    V2024("2024", LocalDate.of(2025, 3, 1), List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)),
    V2025("2025", LocalDate.of(2025, 7, 1), List.of(UnitLevel.PROVINCE, UnitLevel.COMMUNE));

    private final String code;
    private final LocalDate validFrom;
    private final List<UnitLevel> levels;

    Vintage(String code, LocalDate validFrom, List<UnitLevel> levels) {
        this.code = code;
        this.validFrom = validFrom;
        this.levels = levels;
    }

    public String code() {
        return code;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    /** The levels this vintage has, top down. */
    public List<UnitLevel> levels() {
        return levels;
    }

    public boolean hasLevel(UnitLevel level) {
        return levels.contains(level);
    }

    /** The level a commune's parent_code points at: the district before the reform, the province after. */
    public UnitLevel communeParentLevel() {
        return hasLevel(UnitLevel.DISTRICT) ? UnitLevel.DISTRICT : UnitLevel.PROVINCE;
    }

    public static Optional<Vintage> parse(String text) {
        return Arrays.stream(values()).filter(vintage -> vintage.code.equals(text.strip())).findFirst();
    }
}
