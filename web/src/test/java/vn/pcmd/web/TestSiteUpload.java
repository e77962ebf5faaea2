package vn.pcmd.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.pcmd.ingest.warehouse.Warehouse;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.pcmd.web.SiteFixture.PASSWORD;

/** An analyst's upload: validated cell by cell, committed as one batch on request, the charts then show the new figures. */
class TestSiteUpload {
    private static final String HEADER = "unit_code,form,agency,indicator_code,year,value\n";

    @Test
    void anAnalystUploadsChecksAndCommitsAndThePagesShowTheNewFigures(@TempDir Path directory) throws Exception {
        SiteFixture fixture = SiteFixture.shared();
        Path warehouse = fixture.copyOfWarehouse(directory.resolve("warehouse"));
        int batchesBefore = new Warehouse(warehouse).batches().size();
        try (SiteServer site = fixture.server(warehouse)) {
            JavalinTest.test(site.app(), (server, http) -> {
                SiteClient viewer = SiteClient.signedIn(http.getOrigin(), SiteFixture.VIEWER, PASSWORD);
                assertThat(viewer.get("/upload").statusCode()).isEqualTo(403);

                SiteClient analyst = SiteClient.signedIn(http.getOrigin(), SiteFixture.ANALYST, PASSWORD);
                String csrf = analyst.sessionCsrf();
                byte[] good = (HEADER + "20194,IIA,,iia_violators_total,2023,777\n").getBytes(StandardCharsets.UTF_8);
                byte[] bad = (HEADER + "20194,IIA,,iia_violators_total,2022,-4\n").getBytes(StandardCharsets.UTF_8);
                byte[] outside = (HEADER + "00001,IIA,,iia_violators_total,2023,3\n").getBytes(StandardCharsets.UTF_8);
                // without the session's token nothing is received
                assertThat(analyst.postMultipart("/upload", Map.of(), "files", Map.of("good.csv", good)).statusCode()).isEqualTo(403);

                HttpResponse<String> report = analyst.postMultipart("/upload", Map.of("_csrf", csrf), "files",
                        Map.of("good.csv", good, "bad.csv", bad, "outside.csv", outside));
                assertThat(report.statusCode()).isEqualTo(200);
                assertThat(report.body()).contains("3 tệp; 1 tệp hợp lệ", "Hợp lệ", "Bị từ chối", "nằm ngoài phạm vi tài khoản", "Ghi vào kho (1 tệp)");
                assertThat(new Warehouse(warehouse).batches()).hasSize(batchesBefore);

                Matcher commit = Pattern.compile("action=\"(/upload/[0-9a-f]+/commit)\"").matcher(report.body());
                assertThat(commit.find()).isTrue();
                HttpResponse<String> committed = analyst.postForm(commit.group(1), Map.of("_csrf", csrf));
                assertThat(committed.statusCode()).isEqualTo(200);
                assertThat(committed.body()).contains("Đã ghi vào kho", "Nhận 1 tệp");
                assertThat(new Warehouse(warehouse).batches()).hasSize(batchesBefore + 1);
                // the same upload cannot be committed twice
                assertThat(analyst.postForm(commit.group(1), Map.of("_csrf", csrf)).statusCode()).isEqualTo(404);
                // the facts' lineage points at the written file, which stays; the rejected and refused files are gone
                assertThat(filesUnder(warehouse.resolve("_site/uploads"))).singleElement()
                        .satisfies(file -> assertThat(file.getFileName().toString()).endsWith("good.csv"));

                // the jobs run again in the background, the upload page says so until they are done; the commune's figure then shows
                for (int attempt = 0; attempt < 240 && analyst.get("/upload").body().contains("Đang cập nhật kết quả phân tích"); attempt++) {
                    Thread.sleep(500);
                }
                assertThat(analyst.get("/upload").body()).doesNotContain("Đang cập nhật kết quả phân tích", "không thành công");
                double value = -1;
                {
                    JsonNode body = new ObjectMapper().readTree(viewer.get("/api/units/20194?vintage=2024").body());
                    for (JsonNode year : body.path("key_indicators").path("iia_violators_total")) {
                        if (year.path("year").asInt() == 2023) {
                            value = year.path("value").asDouble();
                        }
                    }
                }
                assertThat(value).isEqualTo(777);
            });
        }
    }

    @Test
    void anUploadNeverCommittedLeavesNoFileOnceExpiredOrWhenTheSiteStops(@TempDir Path directory) throws Exception {
        SiteFixture fixture = SiteFixture.shared();
        Path warehouse = fixture.copyOfWarehouse(directory.resolve("warehouse"));
        Path uploads = warehouse.resolve("_site/uploads");
        byte[] good = (HEADER + "20194,IIA,,iia_violators_total,2023,12\n").getBytes(StandardCharsets.UTF_8);
        try (SiteServer site = fixture.server(warehouse)) {
            JavalinTest.test(site.app(), (server, http) -> {
                SiteClient analyst = SiteClient.signedIn(http.getOrigin(), SiteFixture.ANALYST, PASSWORD);
                String csrf = analyst.sessionCsrf();
                assertThat(analyst.postMultipart("/upload", Map.of("_csrf", csrf), "files", Map.of("first.csv", good)).statusCode()).isEqualTo(200);
                assertThat(filesUnder(uploads)).hasSize(1);

                site.uploads().forgetExpired(Instant.now().plus(Uploads.PENDING_LIFETIME).plusSeconds(1));
                assertThat(site.uploads().pendingCount()).isZero();
                assertThat(filesUnder(uploads)).isEmpty();

                assertThat(analyst.postMultipart("/upload", Map.of("_csrf", csrf), "files", Map.of("second.csv", good)).statusCode()).isEqualTo(200);
                assertThat(filesUnder(uploads)).hasSize(1);
            });
        }
        // stopping the site forgets the uploads still waiting: they could never be committed afterwards
        assertThat(filesUnder(uploads)).isEmpty();
        assertThat(new Warehouse(warehouse).batches()).hasSize(new Warehouse(fixture.warehouse()).batches().size());
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
