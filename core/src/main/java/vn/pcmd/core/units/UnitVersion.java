package vn.pcmd.core.units;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** One version of a unit in the 2021–2025 history, valid from and to the given dates, both inclusive. */
public record UnitVersion(AdminUnit unit, LocalDate validFrom, LocalDate validTo) {
    public UnitVersion {
        requireNonNull(unit, "unit is null");
        requireNonNull(validFrom, "validFrom is null");
        requireNonNull(validTo, "validTo is null");
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    /** Whether the unit existed on any day between the two dates, both inclusive. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !validFrom.isAfter(to) && !validTo.isBefore(from);
    }
}
