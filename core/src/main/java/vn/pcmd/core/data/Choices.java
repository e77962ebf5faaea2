package vn.pcmd.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The allowed spellings of an enum in the data files, for {@link CsvRow#requiredChoice}. */
public final class Choices {
    private Choices() {}

    public static <T> Map<String, T> of(T[] values, Function<T, String> spelling) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T value : values) {
            map.put(spelling.apply(value), value);
        }
        return Collections.unmodifiableMap(map);
    }
}
