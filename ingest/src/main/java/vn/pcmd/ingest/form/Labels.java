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
    private static final Pattern BULLET = Pattern.compile("^[-+*•·–—]+\\s*");
    private static final Pattern NUMBERING = Pattern.compile("^(?:[ivxlc]+|\\d+|[a-zđ])[.)]\\s+");
    private static final Pattern OF_WHICH_SUFFIX = Pattern.compile("[.,;:]?\\s*trong đó\\s*:?$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:]+$");

    private Labels() {}

    /** The key an indicator's label is matched on. */
    public static String key(String label) {
        String text = Normalizer.normalize(label, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        text = collapseSpaces(text).strip();
        text = BULLET.matcher(text).replaceFirst("");
        text = OF_WHICH_SUFFIX.matcher(text).replaceFirst("");
        text = TRAILING_PUNCTUATION.matcher(text).replaceFirst("");
        // "chuyên trang...về" and "chuyên trang... về" are the same words
        text = text.replace("...", "… ").replace("…", "… ");
        return collapseSpaces(text).strip();
    }

    /** The key a heading is matched on: as {@link #key} and without its numbering. */
    public static String headingKey(String label) {
        String text = key(label);
        return NUMBERING.matcher(text).replaceFirst("").strip();
    }

    /** Text folded for searching headings for names (units, departments, form titles). */
    public static String fold(String text) {
        return collapseSpaces(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)).strip();
    }

    /**
     * Replaces each run of spaces, tabs, line breaks and no-break spaces with one space. Written out rather than as
     * a regular expression: every string cell at the top of every form goes through here, and the regex was the
     * largest single cost of recognising a form.
     */
    private static String collapseSpaces(String text) {
        int length = text.length();
        // most labels are already single-spaced: find the first character that changes, if any
        int first = 0;
        while (first < length && !(isSpace(text.charAt(first)) && (text.charAt(first) != ' ' || first + 1 < length && isSpace(text.charAt(first + 1))))) {
            first++;
        }
        if (first == length) {
            return text;
        }
        StringBuilder collapsed = new StringBuilder(length).append(text, 0, first);
        boolean inRun = false;
        for (int index = first; index < length; index++) {
            char character = text.charAt(index);
            if (!isSpace(character)) {
                collapsed.append(character);
                inRun = false;
            }
            else if (!inRun) {
                collapsed.append(' ');
                inRun = true;
            }
        }
        return collapsed.toString();
    }

    /** The characters {@code [\\s\\u00A0\\u2007\\u202F]}: ASCII white space and the no-break spaces offices paste. */
    private static boolean isSpace(char character) {
        return switch (character) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2007', '\u202F' -> true;
            default -> false;
        };
    }
}
