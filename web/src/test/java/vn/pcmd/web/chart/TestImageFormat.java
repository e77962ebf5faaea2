package vn.pcmd.web.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestImageFormat {
    @Test
    void contentTypesAndExtensions() {
        assertThat(ImageFormat.PNG.contentType()).isEqualTo("image/png");
        assertThat(ImageFormat.PNG.extension()).isEqualTo("png");
        assertThat(ImageFormat.SVG.contentType()).isEqualTo("image/svg+xml");
        assertThat(ImageFormat.SVG.extension()).isEqualTo("svg");
    }

    @Test
    void fromExtension() {
        assertThat(ImageFormat.fromExtension("png")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.fromExtension("SVG")).contains(ImageFormat.SVG);
        assertThat(ImageFormat.fromExtension(".svg")).contains(ImageFormat.SVG);
        assertThat(ImageFormat.fromExtension("jpg")).isEmpty();
        assertThat(ImageFormat.fromExtension("")).isEmpty();
    }
}
