package cn.jiaozuo.biodiversity.alert.messaging;

import cn.jiaozuo.biodiversity.common.events.AlertSnapshot;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A digest and a bulletin as the robots' and e-mail's text ({@link RobotMessages.AlertText}): a digest lists one line per
 * alert under a heading per rule and county, and stops before the channel's size limit with "……另有 N 条" and the
 * console's address, so the robot never cuts a line in half. Pure, unit-tested.
 */
public final class DigestMessages {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final Map<String, String> SEVERITY = Map.of("CRITICAL", "严重", "HIGH", "高", "MEDIUM", "中",
            "INFO", "提示");
    private static final Map<String, String> RULE = Map.of("INVASIVE_SPECIES", "入侵物种", "PROTECTED_SPECIES",
            "保护物种", "ENFORCEMENT", "巡护执法", "FOLLOW_UP_OVERDUE", "防控回访逾期");
    /** What a line of the robots' formats adds around each line ("> ", "- ", newline), with room to spare. */
    private static final int LINE_OVERHEAD = 8;
    /** Title, link and the closing line's room. */
    private static final int FRAME = 600;

    private DigestMessages() {
    }

    /**
     * Groups entries by rule and county (rules, then counties in code order; within a group the most severe and
     * newest first).
     */
    public static List<AlertDigest.Group> group(List<AlertDigest.Entry> entries) {
        Map<String, List<AlertDigest.Entry>> byKey = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing((AlertDigest.Entry e) -> e.alert().rule())
                .thenComparing(e -> String.valueOf(e.alert().countyCode()))
                .thenComparing(e -> -rank(e.alert().severity()))
                .thenComparing(e -> e.alert().updatedAt(), Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(e -> byKey.computeIfAbsent(e.alert().rule() + "|" + e.alert().countyCode(),
                        k -> new ArrayList<>()).add(e));
        return byKey.values().stream().map(list -> new AlertDigest.Group(list.get(0).alert().rule(),
                list.get(0).alert().countyCode(), List.copyOf(list))).toList();
    }

    private static int rank(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> 3;
            case "HIGH" -> 2;
            case "MEDIUM" -> 1;
            default -> 0;
        };
    }

    /** The digest as text of at most about {@code maxBytes} UTF-8 bytes once a robot's format wraps it. */
    public static RobotMessages.AlertText text(AlertDigest digest, String consoleUrl, int maxBytes) {
        String title = "【预警汇总】" + digest.alertCount() + " 条预警（截至 "
                + DAY_TIME.format(digest.dueAt().atZone(SHANGHAI)) + " 北京时间）";
        List<String> lines = new ArrayList<>();
        int budget = maxBytes - FRAME - bytes(title);
        int used = 0;
        int listed = 0;
        outer:
        for (AlertDigest.Group group : digest.groups()) {
            String heading = "【" + RULE.getOrDefault(group.rule(), group.rule()) + " · " + county(group.countyCode())
                    + "】" + group.alerts().size() + " 条";
            if (used + bytes(heading) + LINE_OVERHEAD > budget) {
                break;
            }
            lines.add(heading);
            used += bytes(heading) + LINE_OVERHEAD;
            for (AlertDigest.Entry entry : group.alerts()) {
                String line = line(entry);
                if (used + bytes(line) + LINE_OVERHEAD > budget) {
                    break outer;
                }
                lines.add(line);
                used += bytes(line) + LINE_OVERHEAD;
                listed++;
            }
        }
        int more = digest.alertCount() - listed;
        if (more > 0) {
            lines.add("……另有 " + more + " 条预警，请在控制台查看：" + consoleUrl);
        }
        return new RobotMessages.AlertText(title, lines, consoleUrl);
    }

    /** One alert: severity, species (or incident), observations, last time, what happened last. */
    static String line(AlertDigest.Entry entry) {
        AlertSnapshot a = entry.alert();
        RobotMessages.AlertText facts = RobotMessages.text(entry.eventType(), a, "");
        StringBuilder line = new StringBuilder("· 【").append(SEVERITY.getOrDefault(a.severity(), a.severity()))
                .append("】");
        if (a.chineseName() != null) {
            line.append(a.chineseName()).append(' ');
        }
        if (a.scientificName() != null) {
            line.append(a.scientificName());
        } else if (a.incident() != null) {
            line.append(facts.title().substring(facts.title().lastIndexOf('：') + 1).replaceAll("（.*）$", ""));
        }
        line.append("，观测 ").append(a.observationCount()).append(" 次");
        if (a.lastObservedAt() != null) {
            line.append("，").append(DAY_TIME.format(a.lastObservedAt().atZoneSameInstant(SHANGHAI)));
        }
        line.append("，").append(facts.lines().get(0).substring("事件：".length()));
        line.append("，编号 ").append(a.id().toString(), 0, 8);
        return line.toString();
    }

    private static String county(String code) {
        return JiaozuoCounty.byCode(code).map(JiaozuoCounty::chineseName).orElse(String.valueOf(code));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The largest digest text a channel takes (robots: their documented limits; e-mail: a readable length). */
    public static int maxBytes(cn.jiaozuo.biodiversity.alert.domain.Channel channel) {
        return switch (channel) {
            case WECOM -> RobotMessages.WECOM_MAX_BYTES;
            case DINGTALK -> RobotMessages.DINGTALK_MAX_BYTES;
            case FEISHU -> RobotMessages.FEISHU_MAX_BYTES;
            case EMAIL, WEBHOOK -> 200_000;
        };
    }
}
