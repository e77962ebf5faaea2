package vn.pcmd.core.units;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.data.DataFileException;
import vn.pcmd.core.testing.TestingDataDirectory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestAdministrativeUnits {
    private static AdministrativeUnits units;

    @BeforeAll
    static void load() {
        units = new AdministrativeUnitsLoader(TestingDataDirectory.repository()).load();
    }

    @Test
    void theHistoryHasTheUnitsValidAtTheStartOfTheProgramme() {
        LocalDate start = LocalDate.of(2021, 11, 1);
        assertThat(units.validOn(start, UnitLevel.PROVINCE)).hasSize(63);
        assertThat(units.validOn(start, UnitLevel.DISTRICT)).hasSize(705);
        assertThat(units.validOn(start, UnitLevel.COMMUNE)).hasSize(10_599);
        assertThat(units.validOn(LocalDate.of(2025, 1, 1), UnitLevel.COMMUNE)).hasSize(10_051);
    }

    @Test
    void vintage2025HasThirtyFourProvincesAndNoDistricts() {
        assertThat(units.units(Vintage.V2025, UnitLevel.PROVINCE, Optional.empty())).hasSize(34);
        assertThat(units.units(Vintage.V2025, UnitLevel.COMMUNE, Optional.empty())).hasSize(3_321);
        assertThat(units.units(Vintage.V2025, UnitLevel.DISTRICT, Optional.empty())).isEmpty();
        assertThat(Vintage.V2025.hasLevel(UnitLevel.DISTRICT)).isFalse();
    }

    @Test
    void vintage2024IsTheLastStructureBeforeTheReform() {
        assertThat(units.units(Vintage.V2024, UnitLevel.PROVINCE, Optional.empty())).hasSize(63);
        assertThat(units.units(Vintage.V2024, UnitLevel.DISTRICT, Optional.empty())).hasSize(696);
        assertThat(units.units(Vintage.V2024, UnitLevel.COMMUNE, Optional.empty())).hasSize(10_035);
    }

    @Test
    void everyCommuneOfVintage2024MapsToCommunesOfVintage2025() {
        for (AdminUnit commune : units.units(Vintage.V2024, UnitLevel.COMMUNE, Optional.empty())) {
            List<CommuneMapping> mappings = units.crosswalk(commune.code());
            assertThat(mappings).as("crosswalk of %s %s", commune.code(), commune.name()).isNotEmpty();
            assertThat(mappings).filteredOn(CommuneMapping::isDefault).hasSize(1);
            for (CommuneMapping mapping : mappings) {
                AdminUnit target = units.unit(Vintage.V2025, mapping.newCommuneCode()).orElseThrow();
                assertThat(target.level()).isEqualTo(UnitLevel.COMMUNE);
            }
        }
    }

    @Test
    void everyOldProvinceGoesToOneOfTheThirtyFourAndCodesAreReused() {
        assertThat(units.provinceCrosswalk()).hasSize(63);
        assertThat(units.provinceCrosswalk().stream().map(ProvinceMapping::newCode).distinct()).hasSize(34);
        // new Lào Cai took the code of old Yên Bái (SOURCE.md note 5): a code means something only with its vintage
        assertThat(units.unit(Vintage.V2024, "15").orElseThrow().name()).isEqualTo("Tỉnh Yên Bái");
        assertThat(units.unit(Vintage.V2025, "15").orElseThrow().name()).isEqualTo("Tỉnh Lào Cai");
    }

    @Test
    void communesOfAProvinceAreFoundThroughTheirDistrictsBeforeTheReform() {
        List<AdminUnit> dongNaiCommunes = units.units(Vintage.V2024, UnitLevel.COMMUNE, Optional.of("75"));
        assertThat(dongNaiCommunes).isNotEmpty().allSatisfy(commune -> assertThat(commune.provinceCode()).isEqualTo("75"));
        int viaDistricts = units.units(Vintage.V2024, UnitLevel.DISTRICT, Optional.of("75")).stream()
                .mapToInt(district -> units.units(Vintage.V2024, UnitLevel.COMMUNE, Optional.of(district.code())).size())
                .sum();
        assertThat(dongNaiCommunes).hasSize(viaDistricts);
    }

    @Test
    void abolishedCommunesKeepTheirSuccessorWhereOneIsKnown() {
        AbolishedCommune abolished = units.abolished("00010").orElseThrow();
        assertThat(abolished.successorCode()).contains("00004");
        assertThat(abolished.validTo()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(units.abolished()).hasSize(580);
        assertThat(units.abolished("13009").orElseThrow().ambiguousCandidates()).containsExactly("12793", "12997");
    }

    @Test
    void aCommuneUnderAnUnknownDistrictFailsNamingTheLine(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.unitsDirectory().resolve("units_2024.csv");
        int line = TestingDataDirectory.lineStartingWith(file, "00001,");
        TestingDataDirectory.editLine(file, line, text -> text.replace(",001,", ",999,"));
        assertThatThrownBy(() -> new AdministrativeUnitsLoader(data).load())
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": parent_code '999' is not a district of this file; a commune of vintage 2024 hangs under a district");
    }

    @Test
    void aCrosswalkTargetThatIsNotANewCommuneFails(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.unitsDirectory().resolve("crosswalk_2025.csv");
        TestingDataDirectory.editLine(file, 2, text -> text.replace(",00097,", ",99999,"));
        assertThatThrownBy(() -> new AdministrativeUnitsLoader(data).load())
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":2: new_commune_code '99999' is not a commune of units_2025.csv");
    }
}
