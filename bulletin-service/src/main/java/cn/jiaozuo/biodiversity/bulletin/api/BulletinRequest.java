package cn.jiaozuo.biodiversity.bulletin.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /bulletins. Fields are read as text so that every mistake is reported in one 400. */
@Schema(name = "BulletinRequest", description = "The period and scope of a bulletin")
public record BulletinRequest(
        @Schema(type = SchemaType.STRING, format = "date", nullable = true, example = "2026-10-01",
                description = "First day (Asia/Shanghai). Absent with to: last month; alone: the month from it") String from,
        @Schema(type = SchemaType.STRING, format = "date", nullable = true, example = "2026-10-31",
                description = "Last day, included; before today") String to,
        @Schema(required = true, example = "TAIHANG", description = "CITY, TAIHANG, YELLOW_RIVER or a county code (GB/T 2260)") String scope,
        @Schema(type = SchemaType.STRING, nullable = true, enumeration = {"INTERNAL", "PUBLIC"}, example = "PUBLIC",
                description = "Default INTERNAL") String edition,
        @Schema(nullable = true, example = "false", description = "true: generate a new version even when one is archived"
                + " (default false: the archived newest version is answered)") Boolean regenerate) {
}
