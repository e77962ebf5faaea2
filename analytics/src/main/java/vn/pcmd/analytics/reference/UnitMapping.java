package vn.pcmd.analytics.reference;

import vn.pcmd.core.units.AbolishedCommune;
import vn.pcmd.core.units.AdminUnit;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.CommuneMapping;
import vn.pcmd.core.units.ProvinceMapping;
import vn.pcmd.core.units.UnitLevel;
import vn.pcmd.core.units.UnitVersion;
import vn.pcmd.core.units.Vintage;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a reporting unit's figures land in a vintage's boundaries. Forms are sent by the units of their time (the
 * 2021–2025 history); the roll-up shows them under the last structure before the reform (vintage 2024) or the
 * structure from 1 July 2025 (vintage 2025). The rules, documented in docs/marts.md:
 *
 * <ul>
 * <li>A commune of vintage 2024 lands on itself. A commune abolished earlier lands on its successor in vintage 2024
 * (data/units/pre2025_abolished_successors.csv); one without a unique successor lands on its district, or on its
 * province if that district is gone too.</li>
 * <li>In vintage 2025 a commune goes through the crosswalk to its new commune. A commune split between several new
 * communes goes whole to the crosswalk's default target (is_default=1): figures of people and cases cannot be
 * divided without population shares, which no source records, and this keeps every total exact.</li>
 * <li>Districts land on themselves in vintage 2024 and, having no level in vintage 2025, on their new province
 * (the five island districts on the đặc khu they became). Provinces land on themselves, or on the new province.</li>
 * </ul>
 */
public final class UnitMapping {
    /** The unit a reporter's figures land on, and its level, in one vintage. */
    public record Landing(String unitCode, UnitLevel level) {
        public Landing {
            requireNonNull(unitCode, "unitCode is null");
            requireNonNull(level, "level is null");
        }
    }

    private final AdministrativeUnits units;
    private final Map<String, UnitVersion> latestVersion = new HashMap<>();

    public UnitMapping(AdministrativeUnits units) {
        this.units = units;
        for (UnitVersion version : units.history()) {
            latestVersion.merge(version.unit().code(), version, (left, right) -> left.validFrom().isAfter(right.validFrom()) ? left : right);
        }
    }

    /** Every code of the history, latest version first-class. */
    public List<AdminUnit> reporters() {
        return latestVersion.values().stream().map(UnitVersion::unit).sorted(Comparator.comparing(AdminUnit::code)).toList();
    }

    public Landing land(AdminUnit reporter, Vintage vintage) {
        return vintage == Vintage.V2024 ? land2024(reporter) : land2025(reporter);
    }

    private Landing land2024(AdminUnit reporter) {
        String code = reporter.code();
        if (units.unit(Vintage.V2024, code).filter(unit -> unit.level() == reporter.level()).isPresent()) {
            return new Landing(code, reporter.level());
        }
        if (reporter.level() == UnitLevel.COMMUNE) {
            Optional<String> successor = units.abolished(code).flatMap(AbolishedCommune::successorCode)
                    .filter(candidate -> units.unit(Vintage.V2024, candidate).isPresent());
            if (successor.isPresent()) {
                return new Landing(successor.get(), UnitLevel.COMMUNE);
            }
            Optional<String> district = reporter.parentCode().filter(parent -> units.unit(Vintage.V2024, parent).isPresent());
            if (district.isPresent()) {
                return new Landing(district.get(), UnitLevel.DISTRICT);
            }
        }
        return new Landing(reporter.provinceCode(), UnitLevel.PROVINCE);
    }

    private Landing land2025(AdminUnit reporter) {
        if (reporter.level() == UnitLevel.PROVINCE) {
            return new Landing(newProvince(reporter.provinceCode()), UnitLevel.PROVINCE);
        }
        // the crosswalk also carries older GSO codes and the island districts that became đặc khu
        Optional<String> direct = defaultTarget(reporter.code());
        if (direct.isPresent()) {
            return new Landing(direct.get(), UnitLevel.COMMUNE);
        }
        if (reporter.level() == UnitLevel.COMMUNE) {
            Landing before = land2024(reporter);
            if (before.level() == UnitLevel.COMMUNE) {
                Optional<String> target = defaultTarget(before.unitCode());
                if (target.isPresent()) {
                    return new Landing(target.get(), UnitLevel.COMMUNE);
                }
            }
        }
        return new Landing(newProvince(reporter.provinceCode()), UnitLevel.PROVINCE);
    }

    private Optional<String> defaultTarget(String oldCode) {
        return units.crosswalk(oldCode).stream().filter(CommuneMapping::isDefault).map(CommuneMapping::newCommuneCode).findFirst();
    }

    private String newProvince(String oldProvinceCode) {
        return units.provinceMapping(oldProvinceCode).map(ProvinceMapping::newCode)
                .orElseThrow(() -> new IllegalStateException("Province " + oldProvinceCode + " is not in the province crosswalk"));
    }
}
