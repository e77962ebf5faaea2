package vn.pcmd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small warehouse made as users make one: figures written as the long CSV, put in by {@code ./pcmd ingest} and
 * {@code ./pcmd jobs} on real DuckDB. Each test states its figures by hand, so that its expectations can be
 * computed by hand (the web module's equivalent of the analytics tests' AnalyticsFixture).
 */
final class TestingWarehouse {
    static final String CSV_HEADER = "unit_code,form,agency,indicator_code,year,value";

    private TestingWarehouse() {}

    /**
     * Two communes of huyện Nhơn Trạch (742, Đồng Nai 75), the district's own consolidated report, and two departments
     * of the province. By hand, vintage 2024:
     * iia_violators_total — 742: 2021 7, 2022 5, 2023 2, Tổng cộng 14 (the district's own 99 is not added in);
     * iia_integrated_hiv — 742: 2021 1 "Có" of 2, 2022 2 of 2; 26503: Có, Có; 26473: Không, Có;
     * iia_loan_amount — 742: 2021 12.5; ia_docs_issued — 75: 2023 2 + 3 = 5 (police 2); ia_police_hotspots — 75: 2023 5.
     */
    static final String[] NHON_TRACH = {
            "26503,IIA,,iia_violators_total,2021,3",
            "26503,IIA,,iia_violators_total,2022,5",
            "26473,IIA,,iia_violators_total,2021,4",
            "26473,IIA,,iia_violators_total,2023,2",
            "26503,IIA,,iia_integrated_hiv,2021,Có",
            "26503,IIA,,iia_integrated_hiv,2022,Có",
            "26473,IIA,,iia_integrated_hiv,2021,Không",
            "26473,IIA,,iia_integrated_hiv,2022,Có",
            "26503,IIA,,iia_loan_amount,2021,\"12,5\"",
            "742,IIA,,iia_violators_total,2021,99",
            "75,IA,police,ia_police_hotspots,2023,5",
            "75,IA,police,ia_docs_issued,2023,2",
            "75,IA,culture,ia_docs_issued,2023,3",
    };

    /** Ingests the lines as one CSV file named {@code fileName} into {@code directory}/warehouse, which it returns. */
    static Path ingest(Path directory, String fileName, String... lines) throws IOException {
        Path input = Files.createDirectories(directory.resolve("input"));
        Path file = Files.writeString(input.resolve(fileName), CSV_HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path warehouse = directory.resolve("warehouse");
        CommandLineRun run = CommandLineRun.of("ingest", "--warehouse", warehouse.toString(), file.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return warehouse;
    }

    /** Runs the jobs named (with what they depend on) for both vintages. */
    static void runJobs(Path warehouse, String... jobs) {
        String[] arguments = new String[jobs.length + 3];
        arguments[0] = "jobs";
        arguments[1] = "--warehouse";
        arguments[2] = warehouse.toString();
        System.arraycopy(jobs, 0, arguments, 3, jobs.length);
        CommandLineRun run = CommandLineRun.of(arguments);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
}
