package vn.pcmd.ingest.generate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Which units {@code ./pcmd generate} writes forms for: the whole country, or one province by its code before the
 * 2025 reform (the 63 provinces of the 2021–2025 history).
 */
public record GenerationScope(Optional<String> provinceCode) {
    private static final Pattern PROVINCE = Pattern.compile("province:(\\d{2})");

    public GenerationScope {
        requireNonNull(provinceCode, "provinceCode is null");
    }

    public static GenerationScope national() {
        return new GenerationScope(Optional.empty());
    }

    public static GenerationScope province(String code) {
        return new GenerationScope(Optional.of(code));
    }

    /** {@code national} or {@code province:CODE} with a two-digit code; empty for anything else. */
    public static Optional<GenerationScope> parse(String text) {
        String stripped = text.strip();
        if (stripped.equals("national")) {
            return Optional.of(national());
        }
        Matcher matcher = PROVINCE.matcher(stripped);
        return matcher.matches() ? Optional.of(province(matcher.group(1))) : Optional.empty();
    }

    public boolean includesProvince(String code) {
        return provinceCode.map(code::equals).orElse(true);
    }

    @Override
    public String toString() {
        return provinceCode.map(code -> "province:" + code).orElse("national");
    }
}
