package vn.pcmd.core.targets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.CatalogLoader;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.data.DataFileException;
import vn.pcmd.core.testing.TestingDataDirectory;
import vn.pcmd.core.units.UnitLevel;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTargets {
    private static Catalog catalog;
    private static Targets targets;

    @BeforeAll
    static void load() {
        catalog = new CatalogLoader(TestingDataDirectory.repository()).loadLatest();
        targets = Targets.load(TestingDataDirectory.repository(), catalog);
    }

    @Test
    void everyPlanOfTheSeedsIsListed() {
        assertThat(targets.plans()).extracting(Plan::seedFile).containsExactlyInAnyOrder(
                "000_4cca646483f29091.txt", "001_23055f30bfa204a0.txt", "002_612dbbb7a552efde.txt", "003_3f49d1b37d4f32e5.txt");
        assertThat(targets.plans()).extracting(Plan::issuerLevel)
                .containsExactlyInAnyOrder(UnitLevel.COMMUNE, UnitLevel.COMMUNE, UnitLevel.DISTRICT, UnitLevel.PROVINCE);
        assertThat(targets.plans()).allSatisfy(plan -> assertThat(targets.targets()).anyMatch(target -> target.planId().equals(plan.planId())));
    }

    @Test
    void everyTargetPointsAtADerivedIndicatorOrSaysWhyItCannot() {
        assertThat(targets.targets()).isNotEmpty().allSatisfy(target -> {
            if (target.isMeasurable()) {
                assertThat(catalog.derivedIndicator(target.measurement().orElseThrow().derivedCode())).isPresent();
            }
            else {
                assertThat(target.notMeasurableReason()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
            }
        });
        assertThat(targets.targets()).anyMatch(Target::isMeasurable).anyMatch(target -> !target.isMeasurable());
    }

    @Test
    void theProvincialPlanCarriesTheNationalThresholds() {
        assertThat(targets.targets()).filteredOn(target -> target.planId().equals("binh_thuan_2025") && target.isMeasurable())
                .extracting(target -> target.measurement().orElseThrow())
                .anySatisfy(measurement -> {
                    assertThat(measurement.comparator()).isEqualTo(TargetComparator.GROWTH_BETWEEN);
                    assertThat(measurement.threshold()).isEqualTo(3.0);
                    assertThat(measurement.thresholdHigh()).contains(5.0);
                })
                .anySatisfy(measurement -> {
                    assertThat(measurement.comparator()).isEqualTo(TargetComparator.AT_LEAST);
                    assertThat(measurement.threshold()).isEqualTo(70.0);
                });
    }

    @Test
    void comparatorsJudgeAsThePlansSay() {
        assertThat(TargetComparator.MORE_THAN.isMet(80, 80, 0)).isFalse();
        assertThat(TargetComparator.AT_LEAST.isMet(70, 70, 0)).isTrue();
        assertThat(TargetComparator.EQUAL.isMet(100, 100, 0)).isTrue();
        assertThat(TargetComparator.EQUAL.isMet(99.9, 100, 0)).isFalse();
        // no complex hotspot: a count of exactly zero
        assertThat(TargetComparator.EQUAL.isMet(1, 0, 0)).isFalse();
        assertThat(TargetComparator.GROWTH_BETWEEN.isMet(4, 3, 5)).isTrue();
        assertThat(TargetComparator.GROWTH_BETWEEN.isMet(6, 3, 5)).isFalse();
    }

    @Test
    void aTargetOnAnUnknownIndicatorFailsNamingFileLineAndFix(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.targetsDirectory().resolve("targets.csv");
        TestingDataDirectory.appendLine(file, "broken_01,binh_thuan_2025,Chỉ tiêu thử,province,2025,2025,true,d_no_such_ratio,>=,70,,");
        int line = TestingDataDirectory.lineStartingWith(file, "broken_01,");
        assertThatThrownBy(() -> Targets.load(data, catalog))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": derived_code 'd_no_such_ratio' is not a derived indicator of catalog 2021-2025 "
                        + "(data/catalog/2021-2025/derived.csv); add it there or fix the code");
    }

    @Test
    void aTargetWithNeitherMeasureNorReasonFails(@TempDir Path temp) {
        DataDirectory data = TestingDataDirectory.copyOfRepository(temp);
        Path file = data.targetsDirectory().resolve("targets.csv");
        TestingDataDirectory.appendLine(file, "broken_02,binh_thuan_2025,Chỉ tiêu thử,province,2025,2025,false,,,,,");
        int line = TestingDataDirectory.lineStartingWith(file, "broken_02,");
        assertThatThrownBy(() -> Targets.load(data, catalog))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":" + line + ": a target that is not measurable must say why in not_measurable_reason");
    }
}
