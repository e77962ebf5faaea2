package vn.pcmd.core.units;

import static java.util.Objects.requireNonNull;

/** Which of the 34 provinces from 1 July 2025 each of the 63 old provinces went into. */
public record ProvinceMapping(String oldCode, String oldName, String newCode, String newName) {
    public ProvinceMapping {
        requireNonNull(oldCode, "oldCode is null");
        requireNonNull(oldName, "oldName is null");
        requireNonNull(newCode, "newCode is null");
        requireNonNull(newName, "newName is null");
    }
}
