package vn.pcmd.export;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** Messages of export, report and demo, and the Vietnamese headers of exported columns (messages.properties). */
final class ExportMessages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("vn.pcmd.export.messages", Locale.ROOT);

    private ExportMessages() {}

    static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(arguments);
    }

    /** The Vietnamese header of a column, where the bundle has one. */
    static Optional<String> columnLabel(String column) {
        try {
            return Optional.of(BUNDLE.getString("column." + column));
        }
        catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
