package vn.pcmd.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a unit name, label or file name holds, it reaches the page as text. */
class TestHtml {
    @Test
    void textAttributesAndLinksAreEscaped() {
        String name = "Xã <script>alert('x')</script> & \"Phường\"";
        String html = new Html().element("h1", name).link("/units/" + Html.url("75\"><script>") + "?vintage=2025", name).toString();
        assertThat(html).doesNotContain("<script>", "\"><").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Phường&quot;")
                .contains("href=\"/units/75%22%3E%3Cscript%3E?vintage=2025\"");
    }

    @Test
    void aPageTitleIsEscapedToo() {
        String page = Layout.page("<img src=x onerror=alert(1)>", Optional.empty(), "");
        assertThat(page).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt; — PCMD");
    }
}
