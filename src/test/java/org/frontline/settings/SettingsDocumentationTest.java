package org.frontline.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One list of settings: the README's settings table, the keys of {@link FrontlineSettings} and the defaults in
 * application.properties name the same keys, with the same default values.
 */
class SettingsDocumentationTest {
    private static final Pattern ROW =
            Pattern.compile("^\\| `(frontline\\.[a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void theReadmeTableTheSettingsRecordAndTheDefaultsNameTheSameKeys() throws IOException {
        Map<String, String> readme = readmeTable();
        Map<String, String> record = new TreeMap<>();
        keys("frontline", FrontlineSettings.class, record);
        Map<String, String> defaults = shippedDefaults();

        assertThat(readme.keySet())
                .as("keys in the README's settings table vs. FrontlineSettings")
                .containsExactlyInAnyOrderElementsOf(record.keySet());
        assertThat(defaults.keySet())
                .as("frontline.* keys in application.properties vs. FrontlineSettings")
                .containsExactlyInAnyOrderElementsOf(record.keySet());
        readme.forEach((key, documented) -> assertThat(documented)
                .as("default of %s in the README vs. application.properties", key)
                .isEqualTo(defaults.get(key).isEmpty() ? "(empty)" : "`" + defaults.get(key) + "`"));
    }

    private static Map<String, String> readmeTable() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            rows.put(m.group(1), m.group(2).strip());
        }
        return rows;
    }

    private static Map<String, String> shippedDefaults() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SettingsDocumentationTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("frontline."))
                .forEach(k -> out.put(k, p.getProperty(k).strip()));
        return out;
    }

    /** Keys as Spring binds them: record components in kebab case, nested records as dotted prefixes. */
    private static void keys(String prefix, Class<?> type, Map<String, String> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String key = prefix + "."
                    + c.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (c.getType().isRecord()) {
                keys(key, c.getType(), out);
            } else {
                out.put(key, c.getType().getSimpleName());
            }
        }
    }
}
