package vn.pcmd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.pcmd.analytics.reference.ReferenceTables;
import vn.pcmd.core.catalog.Catalog;
import vn.pcmd.core.catalog.Form;
import vn.pcmd.core.catalog.Indicator;
import vn.pcmd.core.data.CsvFile;
import vn.pcmd.core.data.CsvRow;
import vn.pcmd.core.data.DataDirectory;
import vn.pcmd.core.units.AdministrativeUnits;
import vn.pcmd.core.units.Vintage;
import vn.pcmd.export.DatasetExporter;
import vn.pcmd.export.ExportFormat;
import vn.pcmd.ingest.FileOutcome;
import vn.pcmd.ingest.IngestResult;
import vn.pcmd.ingest.Ingestor;
import vn.pcmd.ingest.Issue;
import vn.pcmd.ingest.ReadOptions;
import vn.pcmd.ingest.UnitRegistry;
import vn.pcmd.ingest.warehouse.Warehouse;
import vn.pcmd.ingest.xlsx.XlsxLimits;
import vn.pcmd.web.auth.Account;
import vn.pcmd.web.auth.AccountStore;
import vn.pcmd.web.auth.LoginThrottle;
import vn.pcmd.web.auth.Role;
import vn.pcmd.web.auth.SessionStore;
import vn.pcmd.web.chart.ImageFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The leaders' site: Javalin serving pages, charts, downloads, JSON and the analysts' upload, every one of them behind
 * a sign-in and limited to the account's unit and the units below it. Addresses are stable and bookmarkable; each
 * takes {@code ?vintage=2024|2025} (default 2025).
 *
 * <p>Security, in one place: sessions in HttpOnly, SameSite=Lax cookies with a fresh id at sign-in; a CSRF token on
 * every form post; sign-in attempts throttled per name and address; personal access tokens ({@code Authorization:
 * Bearer}) for scripts, read-only; every parameter checked against a pattern or the catalog and unit tables before
 * use; every value escaped into HTML; no stack trace ever in a response; a Content-Security-Policy that allows no
 * script at all.
 */
public final class SiteServer implements AutoCloseable {
    public static final String SESSION_COOKIE = "pcmd_session";
    static final String LOGIN_CSRF_COOKIE = "pcmd_login_csrf";
    private static final Logger LOG = LoggerFactory.getLogger(SiteServer.class);
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final Pattern INDICATOR_CODE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{24}");
    private static final String VIEWER = "pcmd.viewer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final SiteData data;
    private final ChartService charts;
    private final UnitPages pages;
    private final Downloads downloads;
    private final Uploads uploads;
    private final Map<String, Set<String>> visibleUnits = new ConcurrentHashMap<>();
    private final Javalin app;

    public SiteServer(Warehouse warehouse, DataDirectory dataDirectory, Catalog catalog, AdministrativeUnits units, ReferenceTables references, AccountStore accounts,
            Clock clock) throws IOException {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.sessions = new SessionStore(clock);
        this.throttle = new LoginThrottle(clock);
        this.data = new SiteData(warehouse, references);
        this.charts = new ChartService(data, catalog);
        this.pages = new UnitPages(data, catalog, charts, keyIndicators(dataDirectory, catalog));
        this.downloads = new Downloads(warehouse, references, catalog);
        this.uploads = new Uploads(warehouse, new Ingestor(catalog, new UnitRegistry(units, catalog.period()), XlsxLimits.DEFAULT, 2, clock), references, data, charts);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // this machine only, unless start(host, port) says otherwise (tests start the app through JavalinTest)
            config.jetty.host = "127.0.0.1";
            // a bounded pool: on a small machine hundreds of runnable threads only add switching to every request's wait
            int threads = Integer.getInteger("pcmd.site.threads", 16);
            if (threads > 0) {
                config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(threads, Math.min(threads, 8));
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.jetty.multipartConfig.maxFileSize(Uploads.MAX_FILE_BYTES >> 20, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(200, SizeUnit.MB);
            config.routes.before(this::authenticate);
            config.routes.get("/", ctx -> {
                Account account = viewer(ctx).account();
                ctx.redirect("/units/" + Html.url(account.unitCode()) + "?vintage=" + account.unitVintage().code());
            });
            config.routes.get("/health", ctx -> ctx.result("ok"));
            config.routes.get("/login", this::loginPage);
            config.routes.post("/login", this::login);
            config.routes.post("/logout", this::logout);
            config.routes.get("/units/{unit}", ctx -> ctx.html(pages.overview(unitRequest(ctx))));
            config.routes.get("/units/{unit}/quality", ctx -> ctx.html(pages.qualityPage(unitRequest(ctx))));
            config.routes.get("/units/{unit}/indicators/{indicator}", ctx -> ctx.html(pages.indicatorPage(unitRequest(ctx), indicator(ctx), year(ctx))));
            config.routes.get("/charts/{unit}/{indicator}/{file}", this::chart);
            config.routes.get("/exports/{file}", this::export);
            config.routes.get("/reports/{unit}/{file}", this::report);
            config.routes.get("/api/units/{unit}", this::apiUnit);
            config.routes.get("/api/units/{unit}/indicators/{indicator}", this::apiIndicator);
            config.routes.get("/api/units/{unit}/quality", this::apiQuality);
            config.routes.get("/upload", this::uploadPage);
            config.routes.post("/upload", this::upload);
            config.routes.post("/upload/{id}/commit", this::commitUpload);
            config.routes.exception(SiteException.class, (exception, ctx) -> refuse(ctx, exception.status(), exception.getMessage()));
            config.routes.exception(Exception.class, (exception, ctx) -> {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), exception);
                refuse(ctx, 500, "Máy chủ gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi lại.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    refuse(ctx, 404, "Không có trang này.");
                }
            });
            config.routes.error(405, ctx -> refuse(ctx, 405, "Phương thức không được hỗ trợ."));
        });
    }

    public Javalin app() {
        return app;
    }

    public SiteServer start(String host, int port) {
        charts.warmUp();
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    // --- sign-in --------------------------------------------------------------------------------------------------

    private void authenticate(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; object-src 'none'; "
                + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        String path = ctx.path();
        if (path.startsWith("/static/") || path.equals("/login") || path.equals("/health") || path.equals("/favicon.ico")) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Account account = accounts.authenticateToken(authorization.substring(7).trim())
                    .orElseThrow(() -> new SiteException(401, "Mã truy cập không hợp lệ hoặc đã bị thu hồi."));
            if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
                throw new SiteException(403, "Mã truy cập chỉ dùng để đọc dữ liệu.");
            }
            ctx.attribute(VIEWER, new Viewer(account, Optional.empty()));
            return;
        }
        Optional<SessionStore.WebSession> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        Optional<Account> account = session.flatMap(present -> accounts.account(present.accountName()));
        if (account.isEmpty()) {
            session.ifPresent(present -> sessions.close(present.id()));
            if (path.startsWith("/api/") || path.startsWith("/charts/") || path.startsWith("/exports/") || path.startsWith("/reports/")
                    || !ctx.method().name().equals("GET")) {
                throw new SiteException(401, "Hãy đăng nhập.");
            }
            String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
            ctx.redirect("/login?next=" + Html.url(next));
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST")) {
            String sent = ctx.formParam("_csrf");
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new SiteException(403, "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ; hãy tải lại trang và thử lại.");
            }
        }
        ctx.attribute(VIEWER, new Viewer(account.get(), session));
    }

    private void loginPage(Context ctx) {
        // one token per browser: a second tab (or the browser's own favicon request) must not void the first form
        String token = ctx.cookie(LOGIN_CSRF_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = sessions.randomToken();
            setCookie(ctx, LOGIN_CSRF_COOKIE, token, -1);
        }
        loginForm(ctx, token, Optional.empty(), 200);
    }

    private void loginForm(Context ctx, String csrf, Optional<String> error, int status) {
        String next = safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"));
        Html html = new Html();
        html.raw("<form class=\"login\" method=\"post\" action=\"/login\"><h1>Đăng nhập</h1>");
        html.raw("<p class=\"muted\">Kho dữ liệu Chương trình phòng, chống mại dâm.</p>");
        error.ifPresent(message -> html.raw("<p class=\"error\">").text(message).raw("</p>"));
        html.raw("<label>Tên tài khoản <input name=\"username\" autocomplete=\"username\" required autofocus></label>");
        html.raw("<label>Mật khẩu <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>");
        html.raw("<input type=\"hidden\" name=\"_csrf\" value=\"").text(csrf).raw("\"><input type=\"hidden\" name=\"next\" value=\"").text(next).raw("\">");
        html.raw("<button type=\"submit\">Đăng nhập</button></form>");
        ctx.status(status).html(Layout.page("Đăng nhập", Optional.empty(), html.toString()));
    }

    private void login(Context ctx) {
        String cookie = ctx.cookie(LOGIN_CSRF_COOKIE);
        String sent = ctx.formParam("_csrf");
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new SiteException(403, "Biểu mẫu đăng nhập đã hết hạn; hãy tải lại trang và thử lại.");
        }
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String address = ctx.ip();
        Optional<Duration> wait = throttle.refusedFor(name, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            ctx.header("Retry-After", Long.toString(wait.get().toSeconds() + 1));
            loginForm(ctx, sent, Optional.of("Đăng nhập sai quá nhiều lần; hãy thử lại sau " + minutes + " phút."), 429);
            return;
        }
        Optional<Account> account = accounts.authenticate(name, password);
        if (account.isEmpty()) {
            throttle.failed(name, address);
            loginForm(ctx, sent, Optional.of("Tên tài khoản hoặc mật khẩu không đúng."), 401);
            return;
        }
        throttle.succeeded(name);
        sessions.close(ctx.cookie(SESSION_COOKIE));
        SessionStore.WebSession session = sessions.open(account.get().name());
        setCookie(ctx, SESSION_COOKIE, session.id(), -1);
        setCookie(ctx, LOGIN_CSRF_COOKIE, "", 0);
        String next = safeNext(ctx.formParam("next"));
        ctx.redirect(next.isEmpty() ? "/" : next);
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.redirect("/login");
    }

    /** Only a path of this site: never another origin ("//host", "http:…", "\\host"). */
    private static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 500 || next.startsWith("/login")) {
            return "";
        }
        return next;
    }

    private static void setCookie(Context ctx, String name, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if ("https".equals(ctx.scheme())) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    // --- parameters and scope --------------------------------------------------------------------------------------

    private static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        if (viewer == null) {
            throw new SiteException(401, "Hãy đăng nhập.");
        }
        return viewer;
    }

    private static Vintage vintage(Context ctx) {
        String text = ctx.queryParam("vintage");
        if (text == null || text.isEmpty()) {
            return Vintage.V2025;
        }
        return Vintage.parse(text).orElseThrow(() -> SiteException.badRequest("Địa giới không hợp lệ: dùng vintage=2024 hoặc vintage=2025."));
    }

    private int year(Context ctx) {
        String text = ctx.queryParam("year");
        if (text == null || text.isEmpty()) {
            return pages.lastFullYear();
        }
        try {
            int year = Integer.parseInt(text);
            if (catalog.period().contains(year)) {
                return year;
            }
        }
        catch (NumberFormatException e) {
            // refused below
        }
        throw SiteException.badRequest("Năm không hợp lệ: từ " + catalog.period().firstYear() + " đến " + catalog.period().lastYear() + ".");
    }

    private Indicator indicator(Context ctx) {
        String code = ctx.pathParam("indicator");
        if (!INDICATOR_CODE.matcher(code).matches()) {
            throw SiteException.badRequest("Mã chỉ tiêu không hợp lệ.");
        }
        return catalog.indicator(code).orElseThrow(() -> SiteException.notFound("Không có chỉ tiêu này trong danh mục."));
    }

    /** The unit a request names, checked: well-formed, existing under the boundaries asked, and within the account's reach. */
    private UnitPages.UnitRequest unitRequest(Context ctx, String code) {
        Viewer viewer = viewer(ctx);
        Vintage vintage = vintage(ctx);
        if (code == null || !UNIT_CODE.matcher(code).matches()) {
            throw SiteException.badRequest("Mã đơn vị không hợp lệ.");
        }
        SiteData.Unit unit = data.unit(vintage, code).orElseThrow(() -> SiteException.notFound("Không có đơn vị mã này trong địa giới đã chọn."));
        Set<String> visible = visible(viewer.account(), vintage);
        if (!visible.contains(unit.code())) {
            throw SiteException.forbidden();
        }
        return new UnitPages.UnitRequest(vintage, unit, viewer, visible);
    }

    private UnitPages.UnitRequest unitRequest(Context ctx) {
        return unitRequest(ctx, ctx.pathParam("unit"));
    }

    private Set<String> visible(Account account, Vintage vintage) {
        String key = account.name() + "|" + account.unitCode() + "|" + account.unitVintage().code() + "|" + vintage.code();
        return visibleUnits.computeIfAbsent(key, ignored -> data.visibleUnits(account.unitCode(), account.unitVintage(), vintage));
    }

    // --- charts, downloads -------------------------------------------------------------------------------------------

    private void chart(Context ctx) {
        UnitPages.UnitRequest request = unitRequest(ctx);
        Indicator indicator = indicator(ctx);
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        Optional<ChartKind> kind = dot < 0 ? Optional.empty() : ChartKind.parse(file.substring(0, dot));
        Optional<ImageFormat> format = dot < 0 ? Optional.empty() : ImageFormat.fromExtension(file.substring(dot + 1));
        if (kind.isEmpty() || format.isEmpty()) {
            throw SiteException.notFound("Không có biểu đồ này: dùng trend, ranking, breakdown hoặc targets, định dạng .png hoặc .svg.");
        }
        ChartService.Rendered image = charts.image(request.vintage(), request.unit(), indicator, kind.get(), year(ctx), format.get(), request.visible());
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("ETag", image.etag());
        String match = ctx.header("If-None-Match");
        if (match != null && match.contains(image.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(image.contentType()).result(image.bytes());
    }

    private void export(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String dataset = dot < 0 ? "" : file.substring(0, dot);
        Optional<ExportFormat> format = dot < 0 ? Optional.empty() : java.util.Arrays.stream(ExportFormat.values())
                .filter(candidate -> candidate.name().equals(file.substring(dot + 1))).findFirst();
        if (!DatasetExporter.datasets().contains(dataset) || format.isEmpty()) {
            throw SiteException.notFound("Không có bộ dữ liệu này: " + String.join(", ", DatasetExporter.datasets()) + "; định dạng .csv, .xlsx hoặc .parquet.");
        }
        String unit = ctx.queryParam("unit");
        if (unit == null) {
            unit = viewer(ctx).account().unitCode();
        }
        UnitPages.UnitRequest request = unitRequest(ctx, unit);
        Optional<String> indicator = Optional.ofNullable(ctx.queryParam("indicator"));
        if (indicator.isPresent() && !INDICATOR_CODE.matcher(indicator.get()).matches()) {
            throw SiteException.badRequest("Mã chỉ tiêu không hợp lệ.");
        }
        if (indicator.isPresent() && catalog.indicator(indicator.get()).isEmpty() && catalog.derivedIndicator(indicator.get()).isEmpty()) {
            throw SiteException.notFound("Không có chỉ tiêu này trong danh mục.");
        }
        downloads.dataset(ctx, dataset, format.get(), request.unit().code(), request.vintage(), indicator);
    }

    private void report(Context ctx) throws IOException {
        UnitPages.UnitRequest request = unitRequest(ctx);
        Form form = switch (ctx.pathParam("file")) {
            case "IIA.xlsx" -> Form.IIA;
            case "IA.xlsx" -> Form.IA;
            default -> throw SiteException.notFound("Không có biểu này: dùng IIA.xlsx hoặc IA.xlsx.");
        };
        downloads.report(ctx, request.unit().code(), form, request.vintage());
    }

    // --- JSON ------------------------------------------------------------------------------------------------------

    private void apiUnit(Context ctx) throws IOException {
        UnitPages.UnitRequest request = unitRequest(ctx);
        Map<String, Object> body = unitJson(request);
        body.put("ancestors", data.ancestors(request.vintage(), request.unit().code()).stream()
                .map(unit -> Map.of("code", unit.code(), "name", unit.name(), "level", unit.level())).toList());
        body.put("children", data.children(request.vintage(), request.unit().code()).stream()
                .map(unit -> Map.of("code", unit.code(), "name", unit.name(), "level", unit.level())).toList());
        List<String> codes = pages.keyIndicatorCodes();
        Map<String, Object> series = new LinkedHashMap<>();
        data.series(request.vintage(), request.unit().code(), codes).forEach((code, rows) -> series.put(code, rows.stream().map(SiteServer::yearJson).toList()));
        body.put("key_indicators", series);
        body.put("targets", data.targets(request.vintage(), request.unit().code(), Optional.empty()).stream()
                .filter(row -> catalog.period().contains(row.year())).map(SiteServer::targetJson).toList());
        json(ctx, body);
    }

    private void apiIndicator(Context ctx) throws IOException {
        UnitPages.UnitRequest request = unitRequest(ctx);
        Indicator indicator = indicator(ctx);
        Map<String, Object> body = unitJson(request);
        body.put("indicator", Map.of("code", indicator.code(), "label_vi", indicator.displayLabelVi(), "unit_vi", indicator.unitVi(), "form", indicator.form().name()));
        body.put("series", data.series(request.vintage(), request.unit().code(), List.of(indicator.code())).get(indicator.code()).stream().map(SiteServer::yearJson).toList());
        Map<String, Object> chartTables = new LinkedHashMap<>();
        for (ChartKind kind : ChartKind.values()) {
            ChartService.ChartContent content = charts.content(request.vintage(), request.unit(), indicator, kind, year(ctx), request.visible());
            chartTables.put(kind.code(), Map.of("title", content.title(), "alt_text", content.altText(), "header", content.header(), "rows", content.rows()));
        }
        body.put("charts", chartTables);
        json(ctx, body);
    }

    private void apiQuality(Context ctx) throws IOException {
        UnitPages.UnitRequest request = unitRequest(ctx);
        Map<String, Object> body = unitJson(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SiteData.QualityRow row : data.quality(request.vintage(), request.unit().code(), "true".equals(ctx.queryParam("flagged")), 10_000)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("check", row.check());
            item.put("unit_code", row.unitCode());
            item.put("unit_name", row.unitName());
            item.put("form", row.form());
            item.put("indicator_code", row.indicatorCode());
            item.put("year", row.year());
            item.put("value", row.value());
            item.put("expected", row.expected());
            item.put("flagged", row.flagged());
            item.put("reason_vi", row.reasonVi());
            rows.add(item);
        }
        body.put("quality", rows);
        json(ctx, body);
    }

    private static Map<String, Object> unitJson(UnitPages.UnitRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vintage", request.vintage().code());
        body.put("unit", Map.of("code", request.unit().code(), "name", request.unit().name(), "level", request.unit().level()));
        return body;
    }

    private static Map<String, Object> yearJson(SiteData.YearValue row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("year", row.year());
        item.put("value", row.value());
        item.put("partial_year", row.partialYear());
        item.put("value_source", row.valueSource());
        item.put("yoy_pct", row.yoyPct());
        item.put("annualised_value", row.annualisedValue());
        return item;
    }

    private static Map<String, Object> targetJson(SiteData.TargetRow row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("target_id", row.targetId());
        item.put("plan_id", row.planId());
        item.put("text_vi", row.textVi());
        item.put("year", row.year());
        item.put("actual", row.actual());
        item.put("judged_value", row.judgedValue());
        item.put("comparator", row.comparator());
        item.put("threshold", row.threshold());
        item.put("status", row.status());
        return item;
    }

    private static void json(Context ctx, Object body) throws IOException {
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(body));
    }

    // --- upload ----------------------------------------------------------------------------------------------------

    private Viewer analyst(Context ctx) {
        Viewer viewer = viewer(ctx);
        if (!viewer.account().role().includes(Role.ANALYST)) {
            throw new SiteException(403, "Chỉ tài khoản chuyên viên phân tích hoặc quản trị được nộp biểu mẫu.");
        }
        if (viewer.session().isEmpty()) {
            throw new SiteException(403, "Hãy nộp biểu mẫu từ trình duyệt đã đăng nhập.");
        }
        return viewer;
    }

    private void uploadPage(Context ctx) {
        Viewer viewer = analyst(ctx);
        Html html = new Html();
        html.element("h1", "Nộp biểu mẫu");
        String status = uploads.jobsStatus();
        if (!status.isEmpty()) {
            html.raw("<p class=\"notice\">").text(status).raw("</p>");
        }
        html.raw("<p>Chọn các tệp biểu tổng hợp số liệu (Phụ lục IA, IIA: .xlsx, hoặc CSV dạng dài). Mỗi ô được kiểm tra như lệnh <code>./pcmd ingest</code>; "
                + "chỉ khi bạn bấm \"Ghi vào kho\" các tệp hợp lệ mới được ghi, cùng một lần.</p>");
        html.raw("<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">");
        html.raw("<input type=\"hidden\" name=\"_csrf\" value=\"").text(viewer.csrfToken()).raw("\">");
        html.raw("<p><input type=\"file\" name=\"files\" multiple accept=\".xlsx,.csv\" required></p>");
        html.raw("<p><label>Mã đơn vị (khi biểu không ghi): <input name=\"unit\" size=\"8\"></label> ");
        html.raw("<label>Sở, ngành (Phụ lục IA): <select name=\"agency\"><option value=\"\">—</option>");
        catalog.agencies().forEach(agency -> html.raw("<option value=\"").text(agency.code()).raw("\">").text(agency.nameVi()).raw("</option>"));
        html.raw("</select></label></p><button type=\"submit\">Kiểm tra</button></form>");
        ctx.html(Layout.page("Nộp biểu mẫu", Optional.of(viewer), html.toString()));
    }

    private void upload(Context ctx) throws IOException {
        Viewer viewer = analyst(ctx);
        Optional<String> unit = Optional.ofNullable(ctx.formParam("unit")).map(String::trim).filter(text -> !text.isEmpty());
        if (unit.isPresent() && !UNIT_CODE.matcher(unit.get()).matches()) {
            throw SiteException.badRequest("Mã đơn vị không hợp lệ.");
        }
        Optional<String> agency = Optional.ofNullable(ctx.formParam("agency")).map(String::trim).filter(text -> !text.isEmpty());
        if (agency.isPresent() && catalog.agency(agency.get()).isEmpty()) {
            throw SiteException.badRequest("Sở, ngành không hợp lệ.");
        }
        Uploads.PendingUpload upload = uploads.receive(viewer.account(), ctx.uploadedFiles("files"), new ReadOptions(unit, agency));
        Html html = new Html();
        html.element("h1", "Kết quả kiểm tra biểu mẫu");
        int acceptable = upload.acceptable().size();
        html.raw("<p>").text(upload.outcomes().size() + " tệp; " + acceptable + " tệp hợp lệ có thể ghi vào kho.").raw("</p>");
        html.raw("<table><thead><tr><th>Tệp</th><th>Kết quả</th><th>Vị trí</th><th>Nội dung</th></tr></thead><tbody>");
        for (FileOutcome outcome : upload.outcomes()) {
            String name = java.nio.file.Path.of(outcome.file()).getFileName().toString().substring(4);
            String refusal = upload.refusals().get(outcome.file());
            String verdict = refusal != null ? "Bị từ chối" : outcome.accepted() ? "Hợp lệ" : "Bị từ chối";
            List<Issue> issues = outcome.issues();
            boolean acceptedFile = refusal == null && outcome.accepted();
            html.raw("<tr><td>").text(name).raw("</td><td class=\"").raw(acceptedFile ? "status-met" : "status-not_met").raw("\">").text(verdict)
                    .raw("</td><td></td><td>").text(refusal != null ? refusal : acceptedFile ? outcome.submissions().stream().mapToInt(s -> s.facts().size()).sum()
                            + " số liệu" : issues.stream().filter(Issue::isError).count() + " lỗi").raw("</td></tr>");
            for (Issue issue : issues) {
                html.raw("<tr><td>").text(name).raw("</td><td class=\"").raw(issue.isError() ? "status-not_met" : "muted").raw("\">")
                        .text(issue.isError() ? "Lỗi" : "Cảnh báo").raw("</td><td>").text(Uploads.describe(issue)).raw("</td><td>").text(issue.messageVi()).raw("</td></tr>");
            }
        }
        html.raw("</tbody></table>");
        if (acceptable > 0) {
            html.raw("<form method=\"post\" action=\"/upload/").text(upload.id()).raw("/commit\"><input type=\"hidden\" name=\"_csrf\" value=\"")
                    .text(viewer.csrfToken()).raw("\"><button type=\"submit\">Ghi vào kho (").text(acceptable).raw(" tệp)</button></form>");
        }
        html.raw("<p>").link("/upload", "Nộp tệp khác").raw("</p>");
        ctx.html(Layout.page("Kết quả kiểm tra", Optional.of(viewer), html.toString()));
    }

    private void commitUpload(Context ctx) throws IOException {
        Viewer viewer = analyst(ctx);
        String id = ctx.pathParam("id");
        if (!UPLOAD_ID.matcher(id).matches()) {
            throw SiteException.notFound("Không có lần nộp này.");
        }
        Uploads.PendingUpload upload = uploads.pending(id, viewer.account()).orElseThrow(() -> SiteException.notFound("Không có lần nộp này, hoặc đã được ghi."));
        IngestResult result = uploads.commit(upload);
        Html html = new Html();
        html.element("h1", "Đã ghi vào kho");
        html.raw("<p>").text("Nhận " + result.count(IngestResult.Status.ACCEPTED) + " tệp, không đổi " + result.count(IngestResult.Status.UNCHANGED) + ", từ chối "
                + result.count(IngestResult.Status.REJECTED) + "; " + result.factsWritten() + " số liệu được ghi"
                + result.batchId().map(batch -> " (lô " + batch + ").").orElse(".")).raw("</p>");
        html.raw("<p class=\"notice\">").text(uploads.jobsStatus().isEmpty() ? "Kết quả phân tích đã cập nhật." : uploads.jobsStatus()).raw("</p>");
        html.raw("<p>").link("/", "Về trang tổng quan").raw("</p>");
        ctx.html(Layout.page("Đã ghi vào kho", Optional.of(viewer), html.toString()));
    }

    // --- errors ----------------------------------------------------------------------------------------------------

    private static void refuse(Context ctx, int status, String messageVi) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json; charset=utf-8").result("{\"error\":" + quoteJson(messageVi) + ",\"status\":" + status + "}");
            return;
        }
        Optional<Viewer> viewer = Optional.ofNullable(ctx.attribute(VIEWER));
        Html html = new Html();
        html.raw("<h1>").text(status == 403 ? "Không được phép" : status == 404 ? "Không tìm thấy" : status == 401 ? "Chưa đăng nhập" : "Không thực hiện được")
                .raw("</h1><p class=\"error\">").text(messageVi).raw("</p><p>").link("/", "Về trang đầu").raw("</p>");
        ctx.html(Layout.page("Lỗi " + status, viewer, html.toString()));
    }

    private static String quoteJson(String text) {
        try {
            return JSON.writeValueAsString(text);
        }
        catch (IOException e) {
            return "\"\"";
        }
    }

    // --- set-up ----------------------------------------------------------------------------------------------------

    static List<UnitPages.KeyIndicator> keyIndicators(DataDirectory data, Catalog catalog) {
        java.nio.file.Path file = data.root().resolve("site").resolve("key-indicators.csv");
        List<UnitPages.KeyIndicator> keys = new ArrayList<>();
        for (CsvRow row : CsvFile.read(file, List.of("indicator_code", "chart"))) {
            String code = row.required("indicator_code");
            Indicator indicator = catalog.indicator(code).orElseThrow(() -> row.error("unknown indicator code '" + code + "'; use a code of the catalog"));
            keys.add(new UnitPages.KeyIndicator(indicator, row.requiredBoolean("chart")));
        }
        return keys;
    }

    /** The uploads waiting for a commit (tests check that abandoned ones leave no file). */
    Uploads uploads() {
        return uploads;
    }

    @Override
    public void close() throws IOException {
        app.stop();
        uploads.close();
        downloads.close();
        data.close();
    }
}
