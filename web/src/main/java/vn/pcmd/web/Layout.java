package vn.pcmd.web;

import java.util.Optional;

/** The frame of every page: header with the account and sign-out, the content, the footer with the source. */
final class Layout {
    static final String SOURCE = "Nguồn: PCMD Warehouse — biểu tổng hợp số liệu Chương trình phòng, chống mại dâm 2021–2025 (Phụ lục IA, IIA); năm 2025: 01/01–30/06.";

    private Layout() {}

    static String page(String title, Optional<Viewer> viewer, String body) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" — PCMD</title>")
                .raw("<link rel=\"stylesheet\" href=\"/static/site.css\"></head><body>");
        html.raw("<header class=\"site\"><a class=\"brand\" href=\"/\">PCMD — Phòng, chống mại dâm</a>");
        viewer.ifPresent(present -> {
            html.raw("<nav>").text(present.account().name()).raw(" (").text(present.account().role().labelVi()).raw(")");
            if (present.account().role().includes(vn.pcmd.web.auth.Role.ANALYST)) {
                html.raw("<a href=\"/upload\">Nộp biểu mẫu</a>");
            }
            if (present.session().isPresent()) {
                html.raw("<form method=\"post\" action=\"/logout\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"")
                        .text(present.csrfToken()).raw("\"><button class=\"link\" type=\"submit\">Đăng xuất</button></form>");
            }
            html.raw("</nav>");
        });
        html.raw("</header><main>").raw(body).raw("</main>");
        html.raw("<footer class=\"site\">").text(SOURCE).raw("</footer></body></html>");
        return html.toString();
    }
}
