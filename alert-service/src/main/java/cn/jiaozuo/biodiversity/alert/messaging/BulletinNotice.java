package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.common.events.BulletinSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data of a {@code BulletinPublished} delivery: the bulletin of common's {@link BulletinSnapshot} with absolute
 * links to its documents on bulletin-service ({@code alerts.channels.bulletin-url}). The internal edition asks the
 * reader for their token there; this message carries only the links.
 */
public record BulletinNotice(UUID id, String title, String scope, String edition, LocalDate periodFrom,
        LocalDate periodTo, int version, String htmlUrl, String pdfUrl, Instant generatedAt) {

    private static final Map<String, String> SCOPE = Map.of("CITY", "全市", "TAIHANG", "太行山区",
            "YELLOW_RIVER", "黄河湿地");

    public static BulletinNotice of(BulletinSnapshot b, String bulletinBaseUrl) {
        String base = bulletinBaseUrl.endsWith("/") ? bulletinBaseUrl.substring(0, bulletinBaseUrl.length() - 1)
                : bulletinBaseUrl;
        return new BulletinNotice(b.id(), b.title(), b.scope(), b.edition(), b.periodFrom(), b.periodTo(), b.version(),
                b.htmlPath() == null ? null : base + b.htmlPath(), b.pdfPath() == null ? null : base + b.pdfPath(),
                b.generatedAt());
    }

    /** As the robots and e-mail show it; the title holds 预警, the keyword the guide has DingTalk robots require. */
    public RobotMessages.AlertText text() {
        String region = SCOPE.getOrDefault(scope, cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty.byCode(scope)
                .map(cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty::chineseName).orElse(scope));
        String heading = "【监测简报】" + (title == null ? region : title) + "（生物多样性预警服务）";
        List<String> lines = new java.util.ArrayList<>();
        lines.add("范围：" + region);
        lines.add("期间：" + periodFrom + " 至 " + periodTo);
        lines.add("版本：第 " + version + " 版（" + ("PUBLIC".equals(edition) ? "公开版" : "内部版，需登录查看") + "）");
        if (pdfUrl != null) {
            lines.add("PDF：" + pdfUrl);
        }
        return new RobotMessages.AlertText(heading, lines, htmlUrl);
    }
}
