package cn.jiaozuo.biodiversity.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one reading of query parameters: what each reader accepts, and the violation it reports otherwise. */
class QueryValuesTest {

    enum Colour { RED, DARK_GREEN }

    private final List<Violation> violations = new ArrayList<>();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void absent_values_are_null_without_violation(String absent) {
        assertNull(QueryValues.enumValue("c", absent, Colour.class, violations));
        assertNull(QueryValues.integer("n", absent, 1, 10, violations));
        assertNull(QueryValues.id("id", absent, violations));
        assertNull(QueryValues.number("x", absent, -1, 1, violations));
        assertNull(QueryValues.text("t", absent, 5, violations));
        assertNull(QueryValues.bool("b", absent, violations));
        assertEquals(List.of(), violations);
    }

    @Test
    void enum_values_are_exact_names() {
        assertEquals(Colour.DARK_GREEN, QueryValues.enumValue("c", " DARK_GREEN ", Colour.class, violations));
        assertNull(QueryValues.enumValue("c", "red", Colour.class, violations));
        assertEquals(List.of(new Violation("c", "must be one of RED, DARK_GREEN")), violations);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "10,10", "' 7 ',7"})
    void integers_within_range(String raw, int expected) {
        assertEquals(expected, QueryValues.integer("limit", raw, 1, 10, violations));
        assertEquals(List.of(), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "+5", "1.0", "1e3", "abc", "99999999999999999999"})
    void integers_outside_range_or_unreadable(String raw) {
        assertNull(QueryValues.integer("limit", raw, 1, 10, violations));
        assertEquals(List.of(new Violation("limit", "must be a whole number from 1 to 10")), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "x", "1.5"})
    void ids_are_positive_whole_numbers(String raw) {
        assertNull(QueryValues.id("speciesId", raw, violations));
        assertEquals(List.of(new Violation("speciesId", "must be a positive whole number")), violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-90.5", "91", "north"})
    void numbers_are_finite_and_within_range(String raw) {
        assertNull(QueryValues.number("lat", raw, -90, 90, violations));
        assertEquals(1, violations.size());
        assertEquals("lat", violations.get(0).field());
    }

    @Test
    void required_number_says_so() {
        assertNull(QueryValues.requiredNumber("lat", null, -90, 90, violations));
        assertEquals(List.of(new Violation("lat", "is required")), violations);
        assertEquals(35.2, QueryValues.requiredNumber("lat", "35.2", -90, 90, new ArrayList<>()));
    }

    @Test
    void booleans_are_the_json_literals() {
        assertEquals(Boolean.TRUE, QueryValues.bool("invasive", " true ", violations));
        assertEquals(Boolean.FALSE, QueryValues.bool("invasive", "false", violations));
        assertNull(QueryValues.bool("invasive", "TRUE", violations));
        assertNull(QueryValues.bool("invasive", "1", violations));
        assertEquals(2, violations.size());
    }

    @Test
    void text_is_stripped_and_bounded() {
        assertEquals("410821", QueryValues.text("countyCode", " 410821 ", 6, violations));
        assertNull(QueryValues.text("countyCode", "4108211", 6, violations));
        assertNull(QueryValues.text("countyCode", "41\u00000", 6, violations));
        assertEquals(2, violations.size());
    }

    @Test
    void all_violations_of_a_request_come_in_one_problem_sorted_by_field() {
        QueryValues.integer("limit", "0", 1, 10, violations);
        QueryValues.enumValue("colour", "blue", Colour.class, violations);
        ProblemException e = assertThrows(ProblemException.class, () -> QueryValues.requireValid(violations));
        assertEquals(List.of("colour", "limit"), e.violations().stream().map(Violation::field).toList());
        assertTrue(e.getMessage() == null || !e.getMessage().isEmpty());
    }

    @Test
    void no_violations_no_problem() {
        QueryValues.requireValid(List.of());
    }
}
