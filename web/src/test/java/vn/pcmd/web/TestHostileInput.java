package vn.pcmd.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.pcmd.web.SiteFixture.PASSWORD;

/**
 * Hostile input on every parameter — unknown units, SQL fragments, path traversal, script — gives 400 or 404 with a
 * plain Vietnamese message: no stack trace, no SQL error, and no script reaches a page unescaped.
 */
class TestHostileInput {
    private static SiteFixture fixture;

    @BeforeAll
    static void warehouse() {
        fixture = SiteFixture.shared();
        fixture.warehouse();
    }

    @Test
    void everyParameterRefusesWhatItDoesNotKnow() throws Exception {
        List<String> sql = List.of("48'%20or%20'1'='1", "48%3B%20drop%20table%20ref_units", "48%27--", "%27%20union%20select%201--");
        fixture.test(fixture.warehouse(), (server, http) -> {
            SiteClient viewer = SiteClient.signedIn(http.getOrigin(), SiteFixture.VIEWER, PASSWORD);
            Map<String, Integer> expected = new java.util.LinkedHashMap<>();
            expected.put("/units/99999", 404);
            expected.put("/units/ZZ", 404);
            expected.put("/units/48?vintage=2023", 400);
            expected.put("/units/48?vintage=2025%27%20or%201%3D1", 400);
            expected.put("/units/48/indicators/not_an_indicator", 404);
            expected.put("/units/48/indicators/iia_violators_total%27--", 400);
            expected.put("/units/48/indicators/iia_violators_total?year=2019", 400);
            expected.put("/units/48/indicators/iia_violators_total?year=2024%20or%201", 400);
            expected.put("/charts/48/iia_violators_total/pie.png", 404);
            expected.put("/charts/48/iia_violators_total/trend.gif", 404);
            expected.put("/charts/48/iia_violators_total/trend", 404);
            expected.put("/charts/48/%3Cscript%3E/trend.png", 400);
            expected.put("/exports/..%2F..%2F..%2Fetc%2Fpasswd", 404);
            expected.put("/exports/rollup.csv%2F..%2F..%2Fbatches", 404);
            expected.put("/exports/rollup.exe?unit=48", 404);
            expected.put("/exports/ref_units.csv?unit=48", 404);
            expected.put("/exports/rollup.csv?unit=48&indicator=x%27%20or%201%3D1", 400);
            expected.put("/exports/rollup.csv?unit=..%2F48", 400);
            expected.put("/reports/48/..%2F..%2Faccounts.json", 404);
            expected.put("/reports/48/IIB.xlsx", 404);
            expected.put("/static/..%2F..%2Fvn%2Fpcmd%2Fcli%2Fmessages.properties", 404);
            expected.put("/api/units/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400);
            expected.put("/no/such/page", 404);
            for (String fragment : sql) {
                expected.put("/units/" + fragment, 400);
                expected.put("/api/units/" + fragment, 400);
                expected.put("/exports/rollup.csv?unit=" + fragment, 400);
            }
            for (Map.Entry<String, Integer> request : expected.entrySet()) {
                HttpResponse<String> response = viewer.get(request.getKey());
                assertThat(response.statusCode()).as(request.getKey()).isEqualTo(request.getValue());
                assertThat(response.body()).as(request.getKey()).doesNotContain("Exception", "at vn.pcmd", "at io.javalin", "SQL", "Binder Error", "<script>");
            }
            // the unit tables are intact after all of that
            assertThat(viewer.get("/units/48").statusCode()).isEqualTo(200);
        });
    }

    @Test
    void aRedirectAfterSignInNeverLeavesTheSite() throws Exception {
        fixture.test(fixture.warehouse(), (server, http) -> {
            for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
                SiteClient client = new SiteClient(http.getOrigin());
                String page = client.get("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)).body();
                HttpResponse<String> response = client.postForm("/login", Map.of("username", SiteFixture.VIEWER, "password", PASSWORD, "_csrf", SiteClient.csrf(page),
                        "next", next));
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location")).as(next).hasValue("/");
            }
        });
    }

    @Test
    void scriptInAnUploadedFileIsShownAsTextNeverRun() throws Exception {
        java.nio.file.Path copy = fixture.copyOfWarehouse(java.nio.file.Files.createTempDirectory("pcmd-hostile").resolve("warehouse"));
        fixture.test(copy, (server, http) -> {
            SiteClient analyst = SiteClient.signedIn(http.getOrigin(), SiteFixture.ANALYST, PASSWORD);
            String csrf = analyst.sessionCsrf();
            String csv = "unit_code,form,agency,indicator_code,year,value\n20194,IIA,,<script>alert(1)</script>,2023,5\n";
            HttpResponse<String> response = analyst.postMultipart("/upload", Map.of("_csrf", csrf), "files",
                    Map.of("<img src=x onerror=alert(1)>.csv", csv.getBytes(StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).doesNotContain("<script>", "<img src=x").contains("&lt;script&gt;", "Bị từ chối");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'none'");
        });
    }
}
