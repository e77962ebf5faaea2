package vn.pcmd.ingest.generate;

import vn.pcmd.core.catalog.ProgrammePeriod;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.UnitVersion;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A unit code through the programme's years: in which years it existed and for what share of each, and (for a
 * commune) which district it reported to that year. Built from the 2021–2025 history of administrative units.
 *
 * @param latest the last version of the code: its name and type are the ones printed
 * @param exposure per year of the period, the share of the full calendar year the code existed (0: not at all;
 *     the half year 2025 gives at most about 0.5)
 * @param parents per year of the period, the parent unit of the last version that existed that year (null: none)
 */
record UnitTimeline(String code, UnitLevel level, AdminUnit latest, double[] exposure, String[] parents) {
    UnitTimeline {
        requireNonNull(code, "code is null");
        requireNonNull(level, "level is null");
        requireNonNull(latest, "latest is null");
        requireNonNull(exposure, "exposure is null");
        requireNonNull(parents, "parents is null");
    }

    boolean existed(int yearIndex) {
        return exposure[yearIndex] > 0;
    }

    String provinceCode() {
        return latest.provinceCode();
    }

    /**
     * Every code of the history, provinces first, then districts, then communes, each in code order. The history
     * begins on 2021-11-01; a unit valid then counts as valid for the whole of 2021.
     */
    static Map<String, UnitTimeline> build(AdministrativeUnits units, ProgrammePeriod period) {
        List<UnitVersion> history = units.history();
        LocalDate historyStart = history.stream().map(UnitVersion::validFrom).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate periodStart = LocalDate.of(period.firstYear(), 1, 1);
        Map<String, List<UnitVersion>> byCode = new TreeMap<>();
        for (UnitVersion version : history) {
            byCode.computeIfAbsent(version.unit().level().code() + "/" + version.unit().code(), ignored -> new ArrayList<>()).add(version);
        }
        List<Integer> years = period.years();
        List<UnitTimeline> timelines = new ArrayList<>();
        for (List<UnitVersion> versions : byCode.values()) {
            versions.sort(Comparator.comparing(UnitVersion::validFrom));
            double[] exposure = new double[years.size()];
            String[] parents = new String[years.size()];
            for (int index = 0; index < years.size(); index++) {
                int year = years.get(index);
                LocalDate yearStart = LocalDate.of(year, 1, 1);
                LocalDate yearEnd = period.isPartial(year) ? period.partialYearTo().orElseThrow() : LocalDate.of(year, 12, 31);
                long days = 0;
                for (UnitVersion version : versions) {
                    LocalDate from = version.validFrom().equals(historyStart) ? periodStart : version.validFrom();
                    LocalDate start = from.isAfter(yearStart) ? from : yearStart;
                    LocalDate end = version.validTo().isBefore(yearEnd) ? version.validTo() : yearEnd;
                    if (!end.isBefore(start)) {
                        days += ChronoUnit.DAYS.between(start, end) + 1;
                        parents[index] = version.unit().parentCode().orElse(null);
                    }
                }
                exposure[index] = Math.min(days, yearStart.lengthOfYear()) / (double) yearStart.lengthOfYear();
            }
            AdminUnit latest = versions.get(versions.size() - 1).unit();
            timelines.add(new UnitTimeline(latest.code(), latest.level(), latest, exposure, parents));
        }
        Map<String, UnitTimeline> ordered = new LinkedHashMap<>();
        for (UnitLevel level : UnitLevel.values()) {
            timelines.stream().filter(timeline -> timeline.level() == level).forEach(timeline -> ordered.put(timeline.code(), timeline));
        }
        return ordered;
    }
}
