package vn.pcmd.ingest;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts people who send forms read: Vietnamese for them, English for the team, from the message bundles. */
public final class IngestMessages {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final ResourceBundle VI = ResourceBundle.getBundle("vn.pcmd.ingest.messages", VIETNAMESE, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final ResourceBundle EN = ResourceBundle.getBundle("vn.pcmd.ingest.messages", Locale.ENGLISH, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private IngestMessages() {}

    public static String vietnamese(String key, Object... arguments) {
        return format(VI, VIETNAMESE, key, arguments);
    }

    public static String english(String key, Object... arguments) {
        return format(EN, Locale.ENGLISH, key, arguments);
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int index = 0; index < arguments.length; index++) {
            // MessageFormat would print 1234 as "1,234": give it text. Vietnamese writes a decimal comma ("2,5"), as
            // offices type it; "2.5" would read as a thousands separator.
            texts[index] = arguments[index] instanceof Number number ? decimal(Numbers.plain(number.doubleValue()), locale) : String.valueOf(arguments[index]);
        }
        return new MessageFormat(bundle.getString(key), locale).format(texts);
    }

    private static String decimal(String plain, Locale locale) {
        return locale.equals(VIETNAMESE) ? plain.replace('.', ',') : plain;
    }
}
