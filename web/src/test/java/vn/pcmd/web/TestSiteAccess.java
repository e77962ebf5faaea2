package vn.pcmd.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.pcmd.web.SiteFixture.OTHER_PROVINCE;
import static vn.pcmd.web.SiteFixture.PASSWORD;
import static vn.pcmd.web.SiteFixture.PROVINCE;

/**
 * Every page, chart, download and JSON endpoint on the real server, for a unit the account may see and one it may not:
 * the first answers with the data, the second with 403 and nothing of the data.
 */
class TestSiteAccess {
    private static final String INDICATOR = "iia_violators_total";
    private static SiteFixture fixture;

    @BeforeAll
    static void warehouse() {
        fixture = SiteFixture.shared();
        fixture.warehouse();
    }

    /** Every address of one unit the site serves, with what its answer must be. */
    private static List<String> addressesOf(String unit) {
        List<String> addresses = new ArrayList<>();
        for (String vintage : List.of("2024", "2025")) {
            String query = "?vintage=" + vintage;
            addresses.add("/units/" + unit + query);
            addresses.add("/units/" + unit + "/quality" + query);
            addresses.add("/units/" + unit + "/indicators/" + INDICATOR + query);
            for (String kind : List.of("trend", "ranking", "breakdown", "targets")) {
                for (String format : List.of("png", "svg")) {
                    addresses.add("/charts/" + unit + "/" + INDICATOR + "/" + kind + "." + format + query);
                }
            }
            addresses.add("/api/units/" + unit + query);
            addresses.add("/api/units/" + unit + "/indicators/" + INDICATOR + query);
            addresses.add("/api/units/" + unit + "/quality" + query);
            addresses.add("/reports/" + unit + "/IIA.xlsx" + query);
            addresses.add("/reports/" + unit + "/IA.xlsx" + query);
        }
        for (String dataset : List.of("rollup", "trends", "compare", "targets", "quality", "derived", "facts", "submissions")) {
            for (String format : List.of("csv", "xlsx", "parquet")) {
                addresses.add("/exports/" + dataset + "." + format + "?unit=" + unit);
            }
        }
        return addresses;
    }

    @Test
    void everyAddressOfTheAccountsUnitAnswersAndEveryAddressOfAnotherIsForbidden() throws Exception {
        fixture.test(fixture.warehouse(), (server, http) -> {
            SiteClient viewer = SiteClient.signedIn(http.getOrigin(), SiteFixture.VIEWER, PASSWORD);
            for (String address : addressesOf(PROVINCE)) {
                HttpResponse<byte[]> response = viewer.getBytes(address);
                assertThat(response.statusCode()).as(address).isEqualTo(200);
                assertThat(response.body()).as(address).isNotEmpty();
            }
            for (String address : addressesOf(OTHER_PROVINCE)) {
                HttpResponse<String> response = viewer.get(address);
                assertThat(response.statusCode()).as(address).isEqualTo(403);
                // nothing of the unit's data: not its name, no figure, no chart
                assertThat(response.body()).as(address).doesNotContain("Hà Nội", "<table", "<img", "\"series\"", "\"rows\"");
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(address).doesNotStartWith("image/");
            }
            // the units below the account's are its own; a commune of another province is not
            assertThat(viewer.get("/units/20194?vintage=2024").statusCode()).isEqualTo(200);
            assertThat(viewer.get("/units/00001?vintage=2024").statusCode()).isEqualTo(403);
        });
    }

    @Test
    void pagesAreInVietnameseWithChartsTablesAndAltText() throws Exception {
        fixture.test(fixture.warehouse(), (server, http) -> {
            SiteClient viewer = SiteClient.signedIn(http.getOrigin(), SiteFixture.VIEWER, PASSWORD);
            String overview = viewer.get("/units/" + PROVINCE + "?vintage=2025").body();
            assertThat(overview).contains("<html lang=\"vi\">", "Thành phố Đà Nẵng", "Chỉ tiêu chính", "Mức đạt chỉ tiêu", "Chất lượng số liệu",
                    "Đơn vị trực thuộc", "Tổng số người vi phạm", "2025 (6 tháng)", "/charts/48/iia_violators_total/trend.png?vintage=2025");
            assertThat(overview).contains("trước 01/7/2025");
            String page = viewer.get("/units/" + PROVINCE + "/indicators/" + INDICATOR + "?vintage=2024").body();
            for (String kind : List.of("trend", "ranking", "breakdown", "targets")) {
                assertThat(page).contains("/charts/48/iia_violators_total/" + kind + ".png?vintage=2024", "/charts/48/iia_violators_total/" + kind + ".svg?vintage=2024");
            }
            assertThat(page).contains("alt=\"", "<table>", "Xếp hạng các đơn vị", "Trong đó: Số người mua dâm", "Phụ lục IIA (.xlsx)");
            // no plan's target reads this row; one that some target reads has its verdicts in the table under the chart
            assertThat(page).contains("Không có chỉ tiêu kế hoạch nào được đo bằng dòng này của biểu.");
            String measured = viewer.get("/units/" + PROVINCE + "/indicators/iia_comm_sessions?vintage=2024").body();
            assertThat(measured).containsPattern("<td>(Đạt|Không đạt)</td>");
            // the chart images are real images
            HttpResponse<byte[]> png = viewer.getBytes("/charts/48/iia_violators_total/trend.png?vintage=2025");
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(png.body())).getWidth()).isEqualTo(ChartService.WIDTH);
            HttpResponse<String> svg = viewer.get("/charts/48/iia_violators_total/trend.svg?vintage=2025");
            assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
            assertThat(svg.body()).contains("<svg", "Tổng số người vi phạm");
        });
    }

    @Test
    void theNationAccountSeesEveryProvinceAndTheProvinceAccountNotTheNation() throws Exception {
        fixture.test(fixture.warehouse(), (server, http) -> {
            SiteClient nation = SiteClient.signedIn(http.getOrigin(), SiteFixture.NATION, PASSWORD);
            assertThat(nation.get("/units/VN").statusCode()).isEqualTo(200);
            assertThat(nation.get("/units/" + OTHER_PROVINCE).statusCode()).isEqualTo(200);
            SiteClient viewer = SiteClient.signedIn(http.getOrigin(), SiteFixture.VIEWER, PASSWORD);
            assertThat(viewer.get("/units/VN").statusCode()).isEqualTo(403);
            assertThat(viewer.get("/api/units/VN").statusCode()).isEqualTo(403);
            // before the reform, the new Đà Nẵng's account sees old Đà Nẵng and old Quảng Nam (49), both inside it now
            assertThat(viewer.get("/units/49?vintage=2024").statusCode()).isEqualTo(200);
            assertThat(viewer.get("/units/46?vintage=2024").statusCode()).isEqualTo(403);
        });
    }

    @Test
    void signInSetsAProtectedCookieAndSignOutNeedsTheFormsToken() throws Exception {
        fixture.test(fixture.warehouse(), (server, http) -> {
            SiteClient anonymous = new SiteClient(http.getOrigin());
            HttpResponse<String> page = anonymous.get("/units/48");
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Funits%2F48");
            assertThat(anonymous.get("/api/units/48").statusCode()).isEqualTo(401);
            assertThat(anonymous.getBytes("/charts/48/iia_violators_total/trend.png").statusCode()).isEqualTo(401);

            // a sign-in without the form's token is refused
            assertThat(anonymous.postForm("/login", Map.of("username", SiteFixture.VIEWER, "password", PASSWORD)).statusCode()).isEqualTo(403);
            HttpResponse<String> wrong = anonymous.login(SiteFixture.VIEWER, "not the password");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Tên tài khoản hoặc mật khẩu không đúng");

            SiteClient viewer = new SiteClient(http.getOrigin());
            HttpResponse<String> signedIn = viewer.login(SiteFixture.VIEWER, PASSWORD);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(SiteClient.setCookies(signedIn)).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith(SiteServer.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Path=/"));
            assertThat(viewer.get("/units/48").statusCode()).isEqualTo(200);

            // sign-out without the session's token is refused; with it the session ends
            assertThat(viewer.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
            String csrf = viewer.sessionCsrf();
            assertThat(viewer.postForm("/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
            assertThat(viewer.get("/units/48").statusCode()).isEqualTo(302);
        });
    }

    @Test
    void signInAttemptsAreThrottled() throws Exception {
        fixture.test(fixture.warehouse(), (server, http) -> {
            SiteClient client = new SiteClient(http.getOrigin());
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(client.login(SiteFixture.OUTSIDER, "guess number " + attempt).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> refused = client.login(SiteFixture.OUTSIDER, PASSWORD);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("Đăng nhập sai quá nhiều lần");
        });
    }

    @Test
    void chartsAreCachedWithAnEtagAndAnswer304WhenUnchanged() throws Exception {
        fixture.test(fixture.warehouse(), (server, http) -> {
            SiteClient viewer = SiteClient.signedIn(http.getOrigin(), SiteFixture.VIEWER, PASSWORD);
            String chart = "/charts/48/iia_violators_total/ranking.png?vintage=2024&year=2023";
            HttpResponse<byte[]> first = viewer.getBytes(chart);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(viewer.getBytes(chart).body()).isEqualTo(first.body());
            HttpResponse<String> again = viewer.get(chart, "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        });
    }

    @Test
    void aPersonalAccessTokenHasTheAccountsScopeReadsOnlyAndCanBeRevoked() throws Exception {
        var accounts = SiteFixture.accounts(fixture.warehouse());
        String token = accounts.issueToken(SiteFixture.VIEWER);
        try {
            fixture.test(fixture.warehouse(), (server, http) -> {
                SiteClient script = new SiteClient(http.getOrigin()).withBearer(token);
                HttpResponse<String> own = script.get("/api/units/48/indicators/iia_violators_total");
                assertThat(own.statusCode()).isEqualTo(200);
                assertThat(own.body()).contains("\"code\":\"48\"", "\"series\"", "\"charts\"");
                assertThat(script.get("/api/units/01").statusCode()).isEqualTo(403);
                assertThat(script.getBytes("/charts/48/iia_violators_total/trend.png").statusCode()).isEqualTo(200);
                assertThat(script.postForm("/upload", Map.of()).statusCode()).isEqualTo(403);
                assertThat(new SiteClient(http.getOrigin()).withBearer(token + "x").get("/api/units/48").statusCode()).isEqualTo(401);
                accounts.revokeTokens(SiteFixture.VIEWER);
                assertThat(script.get("/api/units/48").statusCode()).isEqualTo(401);
            });
        }
        finally {
            accounts.revokeTokens(SiteFixture.VIEWER);
        }
    }
}
