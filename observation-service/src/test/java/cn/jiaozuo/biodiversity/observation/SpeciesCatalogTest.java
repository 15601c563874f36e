package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** /species: the seeded catalog of the plan's species, public search, admin changes. */
@QuarkusTest
class SpeciesCatalogTest {

    private static Map<String, Object> newSpecies() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("scientificName", "Testus species" + tag);
        body.put("chineseName", "测试种" + tag);
        body.put("englishName", "Test species " + tag);
        body.put("group", "PLANT");
        body.put("protectionLevel", "NONE");
        body.put("invasive", true);
        return body;
    }

    private static io.restassured.response.ValidatableResponse create(Object body, String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body).when().post("/species").then();
    }

    @Test
    void the_plan_species_are_seeded_with_their_protection_class() {
        given().when().get("/species/1").then().statusCode(200)
                .body("scientificName", equalTo("Panthera pardus japonensis")).body("chineseName", equalTo("华北豹"))
                .body("group", equalTo("MAMMAL")).body("protectionLevel", equalTo("NATIONAL_I")).body("sensitive", equalTo(true));
        given().when().get("/species").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(30))
                .body("chineseName", hasItems("林麝", "猕猴", "狼", "貉", "水獭", "黑鹳", "东方白鹳", "卷羽鹈鹕", "中华秋沙鸭", "大鸨",
                        "乌雕", "大鵟", "水雉", "苍鹭", "黑翅长脚鹬", "南方红豆杉", "狭叶瓶尔小草", "太行花", "太行菊", "太行榆", "党参",
                        "太行铁线莲", "青檀", "翅果油树", "白皮松", "美国白蛾", "加拿大一枝黄花", "松材线虫", "福寿螺"));
    }

    @Test
    void the_invasive_species_of_the_plan_are_flagged_with_their_groups() {
        given().queryParam("invasive", "true").when().get("/species").then().statusCode(200)
                .body("invasive", everyItem(equalTo(true)))
                .body("find { it.chineseName == '美国白蛾' }.group", equalTo("INSECT"))
                .body("find { it.chineseName == '松材线虫' }.group", equalTo("NEMATODE"))
                .body("find { it.chineseName == '福寿螺' }.group", equalTo("MOLLUSC"))
                .body("find { it.chineseName == '加拿大一枝黄花' }.scientificName", equalTo("Solidago canadensis"));
    }

    @Test
    void q_matches_chinese_latin_and_english_names() {
        given().queryParam("q", "鹳").when().get("/species").then().statusCode(200)
                .body("chineseName", hasItems("黑鹳", "东方白鹳"));
        given().queryParam("q", "ciconia").when().get("/species").then().statusCode(200)
                .body("scientificName", hasItems("Ciconia nigra", "Ciconia boyciana"));
        given().queryParam("q", "musk deer").when().get("/species").then().statusCode(200)
                .body("chineseName", equalTo(java.util.List.of("林麝")));
    }

    @Test
    void group_and_protection_level_filter() {
        given().queryParam("group", "BIRD").queryParam("protectionLevel", "NATIONAL_I").when().get("/species").then()
                .statusCode(200)
                .body("group", everyItem(equalTo("BIRD"))).body("protectionLevel", everyItem(equalTo("NATIONAL_I")))
                .body("chineseName", hasItems("黑鹳", "大鸨", "乌雕"))
                .body("chineseName", not(hasItem("大鵟")));
    }

    @Test
    void an_unknown_filter_value_is_400() {
        given().queryParam("group", "DRAGON").queryParam("invasive", "maybe").when().get("/species").then().statusCode(400)
                .body("violations.field", hasItems("group", "invasive"));
    }

    @Test
    void an_unknown_species_is_404() {
        given().when().get("/species/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_admin_adds_a_species_that_intake_accepts_at_once() {
        Map<String, Object> body = newSpecies();
        int id = create(body, TestTokens.bearer(Roles.ADMIN)).statusCode(201)
                .body("scientificName", equalTo(body.get("scientificName"))).body("invasive", equalTo(true))
                .extract().path("id");
        given().when().get("/species/" + id).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.RANGER)).contentType(ContentType.JSON)
                .body(with(sighting(1), "speciesId", id)).when().post("/observations").then().statusCode(201)
                .body("species.id", equalTo(id));
    }

    @Test
    void a_duplicate_scientific_name_is_409() {
        create(with(newSpecies(), "scientificName", "ciconia NIGRA"), TestTokens.bearer(Roles.ADMIN)).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void a_duplicate_id_is_409() {
        create(with(newSpecies(), "id", 1), TestTokens.bearer(Roles.ADMIN)).statusCode(409);
    }

    @Test
    void an_admin_changes_a_species() {
        Map<String, Object> body = newSpecies();
        int id = create(body, TestTokens.bearer(Roles.ADMIN)).statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(with(body, "protectionLevel", "PROVINCIAL")).when().put("/species/" + id).then().statusCode(200)
                .body("protectionLevel", equalTo("PROVINCIAL"));
        given().when().get("/species/" + id).then().body("protectionLevel", equalTo("PROVINCIAL"));
    }

    @Test
    void renaming_onto_another_species_name_is_409() {
        Map<String, Object> body = newSpecies();
        int id = create(body, TestTokens.bearer(Roles.ADMIN)).statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(with(body, "chineseName", "华北豹")).when().put("/species/" + id).then().statusCode(409);
    }

    @Test
    void changing_an_unknown_species_is_404() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON).body(newSpecies())
                .when().put("/species/999998").then().statusCode(404);
    }

    @Test
    void invalid_species_fields_are_named() {
        create(with(with(newSpecies(), "scientificName", " "), "group", null), TestTokens.bearer(Roles.ADMIN)).statusCode(400)
                .body("violations.field", hasItems("scientificName", "group"));
    }

    @Test
    void only_admins_change_the_catalog() {
        for (String role : new String[] {Roles.RANGER, Roles.STATION, Roles.REVIEWER, Roles.BUREAU}) {
            create(newSpecies(), TestTokens.bearer(role)).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(newSpecies()).when().post("/species").then().statusCode(401);
    }
}
