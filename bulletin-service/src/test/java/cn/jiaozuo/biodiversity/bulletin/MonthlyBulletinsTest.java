package cn.jiaozuo.biodiversity.bulletin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.bulletin.domain.Bulletin;
import cn.jiaozuo.biodiversity.bulletin.domain.MonthlyBulletins;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The monthly schedule (docs/bulletins.md, "Schedule"), driven with a fixed clock. */
@QuarkusTest
class MonthlyBulletinsTest {

    @Inject
    MonthlyBulletins monthly;

    @Test
    void on_the_first_of_a_month_last_months_bulletins_are_generated_once_even_by_two_instances_at_once() {
        LocalDate month = TestEvents.month();
        // 00:30 on the 1st in Jiaozuo is still the last day of the month before in UTC: the zone decides.
        Instant firstOfNext = month.plusMonths(1).atTime(0, 30).atZone(TestEvents.SHANGHAI).toInstant();
        CompletableFuture<List<Bulletin>> one = CompletableFuture.supplyAsync(() -> monthly.generateDue(firstOfNext));
        CompletableFuture<List<Bulletin>> two = CompletableFuture.supplyAsync(() -> monthly.generateDue(firstOfNext));
        List<Bulletin> generated = new java.util.ArrayList<>(one.join());
        generated.addAll(two.join());
        assertEquals(6, generated.size(), "city, Taihang and Yellow River, internal and public: once each");
        assertEquals(0, monthly.generateDue(firstOfNext.plusSeconds(3600)).size(), "an hour later: nothing left to do");
        for (Bulletin b : generated) {
            assertEquals(month, b.periodFrom);
            assertEquals(month.plusMonths(1).minusDays(1), b.periodTo);
            assertEquals("scheduler", b.generatedBy);
            assertEquals(1, b.version, "the scheduler never regenerates: one version each");
        }
        given().header("Authorization", TestTokens.bearer("bureau")).queryParam("from", month.toString())
                .queryParam("to", month.plusMonths(1).minusDays(1).toString()).queryParam("scope", "TAIHANG")
                .when().get("/bulletins").then().statusCode(200).body("items.size()", equalTo(2));
    }
}
