package vn.pcmd.web.chart;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The image formats a chart is rendered in. */
public enum ImageFormat {
    PNG("image/png", "png"),
    SVG("image/svg+xml", "svg");

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The media type for the Content-Type header. */
    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format a file name extension ("png", "SVG", with or without the leading dot) names, if any. */
    public static Optional<ImageFormat> fromExtension(String extension) {
        requireNonNull(extension, "extension is null");
        String name = extension.startsWith(".") ? extension.substring(1) : extension;
        return Arrays.stream(values()).filter(format -> format.extension.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }
}
