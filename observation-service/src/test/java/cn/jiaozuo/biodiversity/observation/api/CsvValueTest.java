package cn.jiaozuo.biodiversity.observation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Values of GET /observations.csv: RFC 4180 quoting, and nothing a spreadsheet would run as a formula. */
class CsvValueTest {

    @Test
    void plain_values_stay_as_they_are() {
        assertEquals("CT-XW-0007", ObservationExportResource.csv("CT-XW-0007"));
        assertEquals("", ObservationExportResource.csv(null));
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertEquals("\"troop, then left\"", ObservationExportResource.csv("troop, then left"));
        assertEquals("\"a \"\"big\"\" one\"", ObservationExportResource.csv("a \"big\" one"));
    }

    @Test
    void a_value_starting_like_a_formula_is_defused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", ObservationExportResource.csv("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", ObservationExportResource.csv("+1"));
        assertEquals("'-2", ObservationExportResource.csv("-2"));
        assertEquals("'@SUM(A1)", ObservationExportResource.csv("@SUM(A1)"));
    }
}
