package vn.pcmd.web.chart;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Looks up the Vietnamese words of the charts ({@link ChartLabels}). */
final class ChartMessages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("vn.pcmd.web.chart.ChartLabels", Locale.ROOT);

    private ChartMessages() {}

    static String get(String key, Object... arguments) {
        String pattern = BUNDLE.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
