package cn.jiaozuo.biodiversity.alert.domain;

/**
 * How an infestation was treated. BIOLOGICAL_CONTROL e.g. releasing 周氏啮小蜂 (Chouioia cunea) against 美国白蛾;
 * QUARANTINE_FELLING of 松材线虫 host pines.
 */
public enum ControlMethod {
    MANUAL_REMOVAL, WEB_TENT_CUTTING, LIGHT_TRAP, PHEROMONE_TRAP, BIOLOGICAL_CONTROL, CHEMICAL, QUARANTINE_FELLING, OTHER
}
