package vn.pcmd.ingest;

import vn.pcmd.core.catalog.ProgrammePeriod;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.UnitVersion;
import vn.pcmd.ingest.form.Labels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The units that may report in a programme period, from the 2021–2025 history: for each code its latest name and
 * level, and the years it existed. Forms report under the units of their time; mapping them onto the
 * boundaries from 1 July 2025 is the roll-up's work, not ingestion's.
 */
public final class UnitRegistry {
    /** A reporting unit and the years of the period in which its code existed. */
    public static final class ReportingUnit {
        private final AdminUnit unit;
        private final Set<Integer> years;
        /** The same years, for {@link #existedIn}: asked for every figure read, it scans them without an iterator or a boxed year. */
        private final int[] yearArray;

        public ReportingUnit(AdminUnit unit, Set<Integer> years) {
            this.unit = requireNonNull(unit, "unit is null");
            this.years = Set.copyOf(requireNonNull(years, "years is null"));
            this.yearArray = this.years.stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        public AdminUnit unit() {
            return unit;
        }

        public Set<Integer> years() {
            return years;
        }

        /** Whether the unit's code existed in that year. */
        public boolean existedIn(int year) {
            for (int existed : yearArray) {
                if (existed == year) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ReportingUnit that && unit.equals(that.unit) && years.equals(that.years);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unit, years);
        }

        @Override
        public String toString() {
            return "ReportingUnit[unit=" + unit + ", years=" + new TreeSet<>(years) + "]";
        }
    }

    private final Map<String, ReportingUnit> byCode = new HashMap<>();
    private final Map<String, List<String>> codesByName = new HashMap<>();

    public UnitRegistry(AdministrativeUnits units, ProgrammePeriod period) {
        Map<String, List<UnitVersion>> versions = new HashMap<>();
        for (UnitVersion version : units.history()) {
            versions.computeIfAbsent(version.unit().code(), key -> new ArrayList<>()).add(version);
        }
        versions.forEach((code, list) -> {
            Set<Integer> years = new TreeSet<>();
            for (int year : period.years()) {
                LocalDate from = LocalDate.of(year, 1, 1);
                LocalDate to = LocalDate.of(year, 12, 31);
                if (list.stream().anyMatch(version -> version.overlaps(from, to))) {
                    years.add(year);
                }
            }
            if (!years.isEmpty()) {
                AdminUnit latest = list.stream().max(java.util.Comparator.comparing(UnitVersion::validFrom)).orElseThrow().unit();
                byCode.put(code, new ReportingUnit(latest, years));
                codesByName.computeIfAbsent(Labels.fold(latest.name()), key -> new ArrayList<>()).add(code);
            }
        });
    }

    public Optional<ReportingUnit> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Codes of the units whose full official name ("Xã Phước An", "Tỉnh Đồng Nai") is this text. */
    public List<String> codesNamed(String name) {
        return codesByName.getOrDefault(Labels.fold(name), List.of());
    }

    public int size() {
        return byCode.size();
    }
}
