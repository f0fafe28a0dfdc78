package org.frontline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void csvQuotesWhatWouldBreakARowAndDefusesFormulas() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", "Hama, north");
        row.put("note", "=HYPERLINK(\"x\")");
        row.put("events", -3);
        String csv = new String(
                Csv.of("t.csv", List.of("key", "note", "events"), List.of(row)).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("key,note,events\r\n\"Hama, north\",\"'=HYPERLINK(\"\"x\"\")\",-3\r\n");
        assertThat(Csv.wanted("CSV")).isTrue();
        assertThat(Csv.wanted(null)).isFalse();
        assertThatThrownBy(() -> Csv.wanted("xml")).hasMessageContaining("format");
    }
}
