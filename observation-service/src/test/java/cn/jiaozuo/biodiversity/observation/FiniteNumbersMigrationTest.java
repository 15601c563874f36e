package cn.jiaozuo.biodiversity.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jiaozuo.biodiversity.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V6 on a database that already holds the values it forbids: non-finite accuracies become unknown (null), rows
 * without a finite point go, good rows stay as they were, and then the checks hold.
 */
class FiniteNumbersMigrationTest {

    private static Flyway flyway(TestDatabase db, String target) {
        return Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/common", "classpath:db/migration").outOfOrder(true).target(target).load();
    }

    @Test
    void existing_bad_rows_are_cleaned_before_the_checks_are_added() throws Exception {
        try (TestDatabase db = TestDatabase.create("v6")) {
            flyway(db, "3").migrate();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement s = c.createStatement()) {
                String columns = "insert into observation (uuid, species_id, individual_count, observed_at, observed_offset_s,"
                        + " recorded_at, lat, lon, accuracy_m, original_datum, original_lat, original_lon, county_code, method,"
                        + " observer, source, status, content_hash) values ";
                String rest = ", 'WGS84', 35.3, 113.3, '410821', 'SIGHTING', 'r', 'RANGER', 'VERIFIED', 'h')";
                s.execute(columns + "('00000000-0000-0000-0000-00000000000a', 3, 1, now(), 0, now(), 35.3, 113.3, 'Infinity'" + rest);
                s.execute(columns + "('00000000-0000-0000-0000-00000000000b', 3, 1, now(), 0, now(), 35.3, 113.3, 'NaN'" + rest);
                s.execute(columns + "('00000000-0000-0000-0000-00000000000c', 3, 1, now(), 0, now(), 35.3, 113.3, 12.5" + rest);
                s.execute(columns + "('00000000-0000-0000-0000-00000000000d', 3, 1, now(), 0, now(), 'NaN', 113.3, 10" + rest);

                flyway(db, "latest").migrate();

                try (ResultSet r = s.executeQuery("select uuid::text, accuracy_m from observation order by uuid")) {
                    r.next();
                    assertEquals("00000000-0000-0000-0000-00000000000a", r.getString(1));
                    assertNull(r.getObject(2), "Infinity became unknown");
                    r.next();
                    assertNull(r.getObject(2), "NaN became unknown");
                    r.next();
                    assertEquals(12.5, r.getDouble(2), "a good accuracy is kept");
                    assertEquals(false, r.next(), "the row without a finite point is gone");
                }
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> s.execute("update observation set accuracy_m = 'Infinity'"));
                assertEquals("23514", refused.getSQLState());
            }
        }
    }
}
