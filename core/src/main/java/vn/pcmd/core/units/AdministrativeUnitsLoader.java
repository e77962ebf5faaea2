package vn.pcmd.core.units;

import vn.pcmd.core.data.Choices;
import vn.pcmd.core.data.CsvFile;
import vn.pcmd.core.data.CsvRow;
import vn.pcmd.core.data.DataDirectory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code data/units/} (copied from shared/data/admin-units, see its SOURCE.md) and checks that the files
 * hang together: unique codes, parents that exist at the right level, crosswalk targets that exist.
 */
public final class AdministrativeUnitsLoader {
    static final List<String> UNIT_COLUMNS = List.of("code", "name", "level", "parent_code", "type", "short_name", "name_en", "province_code", "type_full");
    static final List<String> CROSSWALK_COLUMNS = List.of("old_commune_code", "old_commune_name", "old_district_code", "old_province_code", "new_commune_code",
            "new_commune_name", "new_province_code", "relation", "n_new_targets", "is_default", "default_basis", "old_in_units_2024", "match_status");
    private static final Map<String, UnitLevel> LEVELS = Choices.of(UnitLevel.values(), UnitLevel::code);
    private static final Map<String, Boolean> RELATIONS = Map.of("full", false, "partial", true);

    private final DataDirectory data;

    public AdministrativeUnitsLoader(DataDirectory data) {
        this.data = data;
    }

    public AdministrativeUnits load() {
        Path directory = data.unitsDirectory();
        Map<Vintage, List<AdminUnit>> vintages = new EnumMap<>(Vintage.class);
        Map<Vintage, Map<String, AdminUnit>> indexed = new EnumMap<>(Vintage.class);
        for (Vintage vintage : Vintage.values()) {
            Map<String, AdminUnit> units = CsvFile.indexUnique(CsvFile.read(directory.resolve("units_" + vintage.code() + ".csv"), UNIT_COLUMNS), "code", AdministrativeUnitsLoader::unit);
            checkHierarchy(directory.resolve("units_" + vintage.code() + ".csv"), vintage, units);
            vintages.put(vintage, List.copyOf(units.values()));
            indexed.put(vintage, units);
        }
        List<UnitVersion> history = loadHistory(directory.resolve("units_history_2021_2025.csv"));
        List<CommuneMapping> crosswalk = loadCrosswalk(directory.resolve("crosswalk_2025.csv"), indexed);
        List<ProvinceMapping> provinces = loadProvinceCrosswalk(directory.resolve("province_crosswalk_2025.csv"), indexed);
        List<AbolishedCommune> abolished = loadAbolished(directory.resolve("pre2025_abolished_successors.csv"), indexed.get(Vintage.V2024));
        return new AdministrativeUnits(vintages, history, crosswalk, provinces, abolished);
    }

    private static AdminUnit unit(CsvRow row) {
        return new AdminUnit(row.required("code"), row.required("name"), row.requiredChoice("level", LEVELS), row.optional("parent_code"),
                row.required("type"), row.required("short_name"), row.optional("name_en").orElse(""), row.required("province_code"), row.optional("type_full").orElse(""));
    }

    /** Re-reads the file's rows only to point at the offending line; the happy path never does. */
    private static void checkHierarchy(Path file, Vintage vintage, Map<String, AdminUnit> units) {
        for (AdminUnit unit : units.values()) {
            if (!vintage.hasLevel(unit.level())) {
                throw lineOf(file, unit.code()).error("level '" + unit.level().code() + "' does not exist in vintage " + vintage.code());
            }
            Optional<UnitLevel> expectedParent = switch (unit.level()) {
                case PROVINCE -> Optional.empty();
                case DISTRICT -> Optional.of(UnitLevel.PROVINCE);
                case COMMUNE -> Optional.of(vintage.communeParentLevel());
            };
            if (expectedParent.isEmpty()) {
                if (unit.parentCode().isPresent()) {
                    throw lineOf(file, unit.code()).error("a province has no parent_code; leave it empty");
                }
                continue;
            }
            AdminUnit parent = unit.parentCode().map(units::get).orElse(null);
            if (parent == null || parent.level() != expectedParent.get()) {
                throw lineOf(file, unit.code()).error("parent_code '" + unit.parentCode().orElse("") + "' is not a " + expectedParent.get().code()
                        + " of this file; a " + unit.level().code() + " of vintage " + vintage.code() + " hangs under a " + expectedParent.get().code());
            }
            if (!units.containsKey(unit.provinceCode())) {
                throw lineOf(file, unit.code()).error("province_code '" + unit.provinceCode() + "' is not a province of this file");
            }
        }
    }

    private static CsvRow lineOf(Path file, String code) {
        return CsvFile.read(file, UNIT_COLUMNS).stream().filter(row -> row.required("code").equals(code)).findFirst().orElseThrow();
    }

    private static List<UnitVersion> loadHistory(Path file) {
        List<UnitVersion> history = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (CsvRow row : CsvFile.read(file, concat(UNIT_COLUMNS, List.of("valid_from", "valid_to")))) {
            AdminUnit unit = unit(row);
            LocalDate from = row.requiredDate("valid_from");
            LocalDate to = row.requiredDate("valid_to");
            if (from.isAfter(to)) {
                throw row.error("valid_from " + from + " is after valid_to " + to);
            }
            CsvFile.requireUnique(row, keys, unit.code() + "@" + from, "code and valid_from");
            history.add(new UnitVersion(unit, from, to));
        }
        return history;
    }

    private static List<CommuneMapping> loadCrosswalk(Path file, Map<Vintage, Map<String, AdminUnit>> units) {
        List<CommuneMapping> mappings = new ArrayList<>();
        Map<String, Integer> defaults = new HashMap<>();
        Map<String, CsvRow> firstRow = new HashMap<>();
        for (CsvRow row : CsvFile.read(file, CROSSWALK_COLUMNS)) {
            String newCode = row.required("new_commune_code");
            AdminUnit target = units.get(Vintage.V2025).get(newCode);
            if (target == null || target.level() != UnitLevel.COMMUNE) {
                throw row.error("new_commune_code '" + newCode + "' is not a commune of units_2025.csv");
            }
            boolean inUnits2024 = row.requiredBoolean("old_in_units_2024");
            Optional<String> oldCode = row.optional("old_commune_code");
            // the five island districts that had no communes carry their district code instead
            String oldKey = oldCode.orElseGet(() -> row.optional("old_district_code")
                    .orElseThrow(() -> row.error("both old_commune_code and old_district_code are empty; give the old unit's code")));
            if (inUnits2024 && !units.get(Vintage.V2024).containsKey(oldKey)) {
                throw row.error("old code '" + oldKey + "' is marked old_in_units_2024=1 but is not in units_2024.csv");
            }
            boolean isDefault = row.requiredBoolean("is_default");
            if (isDefault) {
                defaults.merge(oldKey, 1, Integer::sum);
            }
            firstRow.putIfAbsent(oldKey, row);
            mappings.add(new CommuneMapping(oldCode, row.required("old_commune_name"), row.optional("old_district_code"), row.required("old_province_code"),
                    newCode, row.required("new_commune_name"), row.required("new_province_code"), row.requiredChoice("relation", RELATIONS),
                    row.requiredInt("n_new_targets"), isDefault, row.optional("default_basis").orElse(""), inUnits2024, row.required("match_status")));
        }
        firstRow.forEach((oldKey, row) -> {
            if (defaults.getOrDefault(oldKey, 0) != 1) {
                throw row.error("old code '" + oldKey + "' has " + defaults.getOrDefault(oldKey, 0) + " rows with is_default=1; mark exactly one target as the default");
            }
        });
        return mappings;
    }

    private static List<ProvinceMapping> loadProvinceCrosswalk(Path file, Map<Vintage, Map<String, AdminUnit>> units) {
        List<ProvinceMapping> mappings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRow row : CsvFile.read(file, List.of("old_province_code", "old_province_name", "new_province_code", "new_province_name"))) {
            String oldCode = row.required("old_province_code");
            String newCode = row.required("new_province_code");
            CsvFile.requireUnique(row, seen, oldCode, "old_province_code");
            if (!units.get(Vintage.V2024).containsKey(oldCode)) {
                throw row.error("old_province_code '" + oldCode + "' is not a province of units_2024.csv");
            }
            if (!units.get(Vintage.V2025).containsKey(newCode)) {
                throw row.error("new_province_code '" + newCode + "' is not a province of units_2025.csv");
            }
            mappings.add(new ProvinceMapping(oldCode, row.required("old_province_name"), newCode, row.required("new_province_name")));
        }
        return mappings;
    }

    private static List<AbolishedCommune> loadAbolished(Path file, Map<String, AdminUnit> units2024) {
        List<AbolishedCommune> abolished = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRow row : CsvFile.read(file, List.of("abolished_code", "abolished_name", "district_code", "province_code", "valid_from", "valid_to",
                "successor_code_2024", "ambiguous_candidates", "match"))) {
            String code = row.required("abolished_code");
            CsvFile.requireUnique(row, seen, code, "abolished_code");
            Optional<String> successor = row.optional("successor_code_2024");
            successor.ifPresent(value -> {
                if (!units2024.containsKey(value)) {
                    throw row.error("successor_code_2024 '" + value + "' is not in units_2024.csv");
                }
            });
            abolished.add(new AbolishedCommune(code, row.required("abolished_name"), row.required("district_code"), row.required("province_code"),
                    row.requiredDate("valid_from"), row.requiredDate("valid_to"), successor,
                    row.optional("ambiguous_candidates").map(value -> List.of(value.split("\\|"))).orElse(List.of()), row.required("match")));
        }
        return abolished;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
