package vn.pcmd.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestUnitsCommand {
    @Test
    void listsTheThirtyFourProvincesFromJuly2025() {
        CommandLineRun run = CommandLineRun.of("units", "--vintage", "2025", "--level", "province", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1 + 34).first().isEqualTo("code,name,level,parent_code,type,province_code,name_en");
        assertThat(run.out()).contains("75,Tỉnh Đồng Nai,province,,Tỉnh,75,Dong Nai Province");
    }

    @Test
    void listsTheDistrictsOfAProvinceBeforeTheReform() {
        CommandLineRun run = CommandLineRun.of("units", "--vintage", "2024", "--level", "district", "--parent", "75");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Thành phố Biên Hòa").contains("(11 dòng / rows)");
    }

    @Test
    void districtsDoNotExistAfterTheReform() {
        CommandLineRun run = CommandLineRun.of("units", "--vintage", "2025", "--level", "district");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Cơ cấu 2025 không có cấp huyện");
    }

    @Test
    void anUnknownParentIsReported() {
        CommandLineRun run = CommandLineRun.of("units", "--vintage", "2024", "--level", "commune", "--parent", "9999");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Không có đơn vị mã '9999' trong cơ cấu 2024");
    }
}
