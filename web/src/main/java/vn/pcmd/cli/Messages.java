package vn.pcmd.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The command line's messages, Vietnamese first with English after, kept in messages.properties. */
final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("vn.pcmd.cli.messages", Locale.ROOT);

    private Messages() {}

    static String get(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ROOT).format(arguments);
    }
}
