package vn.pcmd.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.pcmd.ingest.generate.SyntheticForms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * What the demo generated into its forms folder, kept beside it in {@value #STAMP_FILE}: the province, seed and years,
 * and a SHA-256 over the manifest and every form it lists. A rerun whose request matches the stamp, and whose
 * files still hash to it, reuses the forms instead of generating them again.
 */
record DemoForms(String provinceCode, long seed, int firstYear, int lastYear) {
    static final String STAMP_FILE = "forms.properties";

    DemoForms {
        requireNonNull(provinceCode, "provinceCode is null");
    }

    /** Whether {@code forms} holds exactly what this request generated last time (stamp in {@code stampDirectory}). */
    boolean matches(Path stampDirectory, Path forms) throws IOException {
        Path stamp = stampDirectory.resolve(STAMP_FILE);
        if (!Files.isRegularFile(stamp) || !Files.isRegularFile(forms.resolve(SyntheticForms.MANIFEST))) {
            return false;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(stamp)) {
            properties.load(in);
        }
        if (!Objects.equals(properties.getProperty("province"), provinceCode) || !Objects.equals(properties.getProperty("seed"), Long.toString(seed))
                || !Objects.equals(properties.getProperty("years"), firstYear + "-" + lastYear)) {
            return false;
        }
        return digest(forms).map(value -> value.equals(properties.getProperty("sha256"))).orElse(false);
    }

    void writeStamp(Path stampDirectory, Path forms) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("province", provinceCode);
        properties.setProperty("seed", Long.toString(seed));
        properties.setProperty("years", firstYear + "-" + lastYear);
        properties.setProperty("sha256", digest(forms).orElseThrow(() -> new IllegalStateException("No forms in " + forms)));
        try (OutputStream out = Files.newOutputStream(stampDirectory.resolve(STAMP_FILE))) {
            properties.store(out, "./pcmd demo: the forms it generated; delete this file to generate them again");
        }
    }

    /** SHA-256 over the manifest and, in its order, each form's path and bytes; empty when a listed form is missing. */
    static Optional<String> digest(Path forms) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path manifest = forms.resolve(SyntheticForms.MANIFEST);
        digest.update(Files.readAllBytes(manifest));
        List<String> files = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(manifest, StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord record : parser) {
                files.add(record.get("file"));
            }
        }
        catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
        for (String file : files) {
            Path path = forms.resolve(file).normalize();
            if (!path.startsWith(forms.normalize()) || !Files.isRegularFile(path)) {
                return Optional.empty();
            }
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(path));
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }
}
