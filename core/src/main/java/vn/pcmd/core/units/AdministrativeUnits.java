package vn.pcmd.core.units;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Vietnam's administrative units before and after the 1 July 2025 reform, their 2021–2025 history and the
 * crosswalks between them. Loaded and checked by {@link AdministrativeUnitsLoader}.
 */
public final class AdministrativeUnits {
    private final Map<Vintage, Map<String, AdminUnit>> unitsByVintage;
    private final List<UnitVersion> history;
    private final Map<String, List<CommuneMapping>> crosswalkByOldCode;
    private final Map<String, ProvinceMapping> provinceCrosswalk;
    private final Map<String, AbolishedCommune> abolished;

    public AdministrativeUnits(
            Map<Vintage, List<AdminUnit>> unitsByVintage,
            List<UnitVersion> history,
            List<CommuneMapping> crosswalk,
            List<ProvinceMapping> provinceCrosswalk,
            List<AbolishedCommune> abolished) {
        Map<Vintage, Map<String, AdminUnit>> units = new EnumMap<>(Vintage.class);
        requireNonNull(unitsByVintage, "unitsByVintage is null").forEach((vintage, list) -> units.put(vintage, indexed(list, AdminUnit::code)));
        this.unitsByVintage = Collections.unmodifiableMap(units);
        this.history = List.copyOf(requireNonNull(history, "history is null"));
        this.crosswalkByOldCode = requireNonNull(crosswalk, "crosswalk is null").stream()
                .collect(Collectors.groupingBy(CommuneMapping::oldCode, LinkedHashMap::new, Collectors.toUnmodifiableList()));
        this.provinceCrosswalk = indexed(requireNonNull(provinceCrosswalk, "provinceCrosswalk is null"), ProvinceMapping::oldCode);
        this.abolished = indexed(requireNonNull(abolished, "abolished is null"), AbolishedCommune::code);
    }

    private static <T> Map<String, T> indexed(List<T> values, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        values.forEach(value -> map.put(key.apply(value), value));
        return Collections.unmodifiableMap(map);
    }

    public Optional<AdminUnit> unit(Vintage vintage, String code) {
        return Optional.ofNullable(unitsByVintage.get(vintage).get(code));
    }

    /** Units of a level in a vintage, in code order, optionally only the direct children of {@code parentCode}. */
    public List<AdminUnit> units(Vintage vintage, UnitLevel level, Optional<String> parentCode) {
        return unitsByVintage.get(vintage).values().stream()
                .filter(unit -> unit.level() == level)
                .filter(unit -> parentCode.isEmpty() || unit.parentCode().equals(parentCode) || (level == UnitLevel.COMMUNE && vintage.hasLevel(UnitLevel.DISTRICT)
                        && parentCode.get().length() == 2 && unit.provinceCode().equals(parentCode.get())))
                .sorted(Comparator.comparing(AdminUnit::code))
                .toList();
    }

    public List<AdminUnit> units(Vintage vintage) {
        return List.copyOf(unitsByVintage.get(vintage).values());
    }

    public List<UnitVersion> history() {
        return history;
    }

    /** Units of a level valid on a date between 2021-11-01 and 2025-06-30, from the history. */
    public List<UnitVersion> validOn(LocalDate date, UnitLevel level) {
        return history.stream().filter(version -> version.unit().level() == level && version.validOn(date)).toList();
    }

    /** Every version of a unit of this code in the history, oldest first. */
    public List<UnitVersion> versions(String code) {
        return history.stream().filter(version -> version.unit().code().equals(code)).toList();
    }

    /** The new communes an old commune (or island district) went into; empty if the code is not in the crosswalk. */
    public List<CommuneMapping> crosswalk(String oldCode) {
        return crosswalkByOldCode.getOrDefault(oldCode, List.of());
    }

    public Map<String, List<CommuneMapping>> crosswalk() {
        return crosswalkByOldCode;
    }

    public Optional<ProvinceMapping> provinceMapping(String oldProvinceCode) {
        return Optional.ofNullable(provinceCrosswalk.get(oldProvinceCode));
    }

    public List<ProvinceMapping> provinceCrosswalk() {
        return List.copyOf(provinceCrosswalk.values());
    }

    public Optional<AbolishedCommune> abolished(String code) {
        return Optional.ofNullable(abolished.get(code));
    }

    public List<AbolishedCommune> abolished() {
        return List.copyOf(abolished.values());
    }
}
