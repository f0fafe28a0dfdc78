package org.frontline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.frontline.testsupport.CsvText;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesWhatWouldBreakARowDefusesFormulasAndReadsBackAsRfc4180() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(bytes, true);
        csv.row(List.of("note", "n", "big"));
        List<Object> row =
                Arrays.asList("Ma‘arat al-Nu‘man – \"south\", market\nsecond line", -3, new BigDecimal("1E+3"));
        csv.row(row);
        csv.row(Arrays.asList("=HYPERLINK(\"http://evil.example\")", null, "@SUM(A1)"));
        csv.row(List.of("\tTab", "+1", "-x"));
        csv.flush();
        byte[] out = bytes.toByteArray();
        assertThat(Arrays.copyOf(out, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = CsvText.parse(text);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("Ma‘arat al-Nu‘man – \"south\", market\nsecond line", "-3", "1000");
        assertThat(rows.get(2)).containsExactly("'=HYPERLINK(\"http://evil.example\")", "", "'@SUM(A1)");
        assertThat(rows.get(3)).containsExactly("'\tTab", "'+1", "'-x");
        assertThat(text).endsWith("\r\n");
    }
}
