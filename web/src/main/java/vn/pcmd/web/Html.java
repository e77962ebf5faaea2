package vn.pcmd.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds HTML text with every value escaped where it is put in: text, attribute values and URL parts each have their
 * own method, and nothing from a request or the warehouse (unit names, labels, file names) reaches the page any
 * other way.
 */
public final class Html {
    private final StringBuilder text = new StringBuilder(8192);

    /** Markup written by this code, never data. */
    public Html raw(String markup) {
        text.append(markup);
        return this;
    }

    public Html text(Object value) {
        text.append(escape(value == null ? "" : value.toString()));
        return this;
    }

    /** {@code <tag>escaped text</tag>} */
    public Html element(String tag, Object value) {
        return raw("<" + tag + ">").text(value).raw("</" + tag + ">");
    }

    /** A link whose address is built by this code from escaped parts. */
    public Html link(String href, Object label) {
        return raw("<a href=\"").text(href).raw("\">").text(label).raw("</a>");
    }

    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            switch (character) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }

    /** One path segment or query value. */
    public static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
