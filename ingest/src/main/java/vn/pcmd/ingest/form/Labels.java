package vn.pcmd.ingest.form;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises a label as offices type it so that it can be matched with the catalog: Unicode NFC, case, spaces
 * and line breaks inside the label, the bullet before it ("-", "+", "*"), a section's numbering ("1.", "II."),
 * a trailing "Trong đó:" and trailing punctuation.
 */
public final class Labels {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern BULLET = Pattern.compile("^[-+*•·–—]+\\s*");
    private static final Pattern NUMBERING = Pattern.compile("^(?:[ivxlc]+|\\d+|[a-zđ])[.)]\\s+");
    private static final Pattern OF_WHICH_SUFFIX = Pattern.compile("[.,;:]?\\s*trong đó\\s*:?$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:]+$");

    private Labels() {}

    /** The key an indicator's label is matched on. */
    public static String key(String label) {
        String text = Normalizer.normalize(label, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        text = SPACES.matcher(text).replaceAll(" ").strip();
        text = BULLET.matcher(text).replaceFirst("");
        text = OF_WHICH_SUFFIX.matcher(text).replaceFirst("");
        text = TRAILING_PUNCTUATION.matcher(text).replaceFirst("");
        // "chuyên trang...về" and "chuyên trang... về" are the same words
        text = text.replace("...", "… ").replace("…", "… ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The key a heading is matched on: as {@link #key} and without its numbering. */
    public static String headingKey(String label) {
        String text = key(label);
        return NUMBERING.matcher(text).replaceFirst("").strip();
    }

    /** Text folded for searching headings for names (units, departments, form titles). */
    public static String fold(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
