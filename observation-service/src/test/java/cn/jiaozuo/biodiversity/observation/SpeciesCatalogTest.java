package cn.jiaozuo.biodiversity.observation;

import static cn.jiaozuo.biodiversity.observation.Sightings.sighting;
import static cn.jiaozuo.biodiversity.observation.Sightings.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** One seeded species as V1__species_catalog.sql and the catalog table in docs/observation-service.md list it. */
    private record Seeded(long id, String chineseName, String scientificName, String protectionLevel, String group,
            boolean invasive, boolean sensitive) {

        Map<String, Object> asServed() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("chineseName", chineseName);
            m.put("scientificName", scientificName);
            m.put("protectionLevel", protectionLevel);
            m.put("group", group);
            m.put("invasive", invasive);
            m.put("sensitive", sensitive);
            return m;
        }
    }

    private static final boolean INVASIVE = true;
    private static final boolean SENSITIVE = true;

    /** Every species the plan names, in seed order. A change to the seed is a new migration and a change here and in the docs. */
    private static final List<Seeded> SEEDED = List.of(
            new Seeded(1, "华北豹", "Panthera pardus japonensis", "NATIONAL_I", "MAMMAL", false, SENSITIVE),
            new Seeded(2, "林麝", "Moschus berezovskii", "NATIONAL_I", "MAMMAL", false, SENSITIVE),
            new Seeded(3, "猕猴", "Macaca mulatta", "NATIONAL_II", "MAMMAL", false, false),
            new Seeded(4, "狼", "Canis lupus", "NATIONAL_II", "MAMMAL", false, false),
            new Seeded(5, "貉", "Nyctereutes procyonoides", "NATIONAL_II", "MAMMAL", false, false),
            new Seeded(6, "水獭", "Lutra lutra", "NATIONAL_II", "MAMMAL", false, false),
            new Seeded(20, "黑鹳", "Ciconia nigra", "NATIONAL_I", "BIRD", false, SENSITIVE),
            new Seeded(21, "东方白鹳", "Ciconia boyciana", "NATIONAL_I", "BIRD", false, SENSITIVE),
            new Seeded(22, "卷羽鹈鹕", "Pelecanus crispus", "NATIONAL_I", "BIRD", false, SENSITIVE),
            new Seeded(23, "中华秋沙鸭", "Mergus squamatus", "NATIONAL_I", "BIRD", false, SENSITIVE),
            new Seeded(24, "大鸨", "Otis tarda", "NATIONAL_I", "BIRD", false, SENSITIVE),
            new Seeded(25, "乌雕", "Clanga clanga", "NATIONAL_I", "BIRD", false, SENSITIVE),
            new Seeded(26, "大鵟", "Buteo hemilasius", "NATIONAL_II", "BIRD", false, false),
            new Seeded(27, "水雉", "Hydrophasianus chirurgus", "NATIONAL_II", "BIRD", false, false),
            new Seeded(28, "苍鹭", "Ardea cinerea", "PROVINCIAL", "BIRD", false, false),
            new Seeded(29, "黑翅长脚鹬", "Himantopus himantopus", "NONE", "BIRD", false, false),
            new Seeded(40, "南方红豆杉", "Taxus wallichiana var. mairei", "NATIONAL_I", "PLANT", false, SENSITIVE),
            new Seeded(41, "太行花", "Taihangia rupestris", "NATIONAL_II", "PLANT", false, false),
            new Seeded(42, "翅果油树", "Elaeagnus mollis", "NATIONAL_II", "PLANT", false, false),
            new Seeded(43, "太行菊", "Opisthopappus taihangensis", "PROVINCIAL", "PLANT", false, false),
            new Seeded(44, "狭叶瓶尔小草", "Ophioglossum thermale", "PROVINCIAL", "PLANT", false, false),
            new Seeded(45, "太行榆", "Ulmus taihangshanensis", "PROVINCIAL", "PLANT", false, false),
            new Seeded(46, "党参", "Codonopsis pilosula", "PROVINCIAL", "PLANT", false, false),
            new Seeded(47, "太行铁线莲", "Clematis kirilowii", "PROVINCIAL", "PLANT", false, false),
            new Seeded(48, "青檀", "Pteroceltis tatarinowii", "PROVINCIAL", "PLANT", false, false),
            new Seeded(49, "白皮松", "Pinus bungeana", "PROVINCIAL", "PLANT", false, false),
            new Seeded(60, "美国白蛾", "Hyphantria cunea", "NONE", "INSECT", INVASIVE, false),
            new Seeded(61, "加拿大一枝黄花", "Solidago canadensis", "NONE", "PLANT", INVASIVE, false),
            new Seeded(62, "松材线虫", "Bursaphelenchus xylophilus", "NONE", "NEMATODE", INVASIVE, false),
            new Seeded(63, "福寿螺", "Pomacea canaliculata", "NONE", "MOLLUSC", INVASIVE, false));

    /** The compared fields of one served species, in the shape of {@link Seeded#asServed()}. */
    private static Map<String, Object> comparedFields(Map<String, Object> served) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", ((Number) served.get("id")).longValue());
        for (String key : List.of("chineseName", "scientificName", "protectionLevel", "group", "invasive", "sensitive")) {
            fields.put(key, served.get(key));
        }
        return fields;
    }

    @Test
    void the_plan_species_are_seeded_with_their_protection_class() {
        // Seeded ids are below 1000; species added through the API (also by other tests) get ids from 1000 up.
        List<Map<String, Object>> served = given().when().get("/species").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<Long, Map<String, Object>> seededServed = new TreeMap<>();
        served.stream().map(SpeciesCatalogTest::comparedFields).filter(f -> (long) f.get("id") < 1000)
                .forEach(f -> seededServed.put((long) f.get("id"), f));
        assertEquals(SEEDED.stream().map(Seeded::id).toList(), List.copyOf(seededServed.keySet()), "the seeded species ids");
        assertAll(SEEDED.stream().map(expected -> () -> assertEquals(expected.asServed(), seededServed.get(expected.id()),
                "GET /species: seeded species " + expected.id() + " " + expected.chineseName())));
        assertAll(SEEDED.stream().map(expected -> () -> assertEquals(expected.asServed(),
                comparedFields(given().when().get("/species/" + expected.id()).then().statusCode(200)
                        .extract().jsonPath().getMap("$")),
                "GET /species/" + expected.id() + " " + expected.chineseName())));
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
