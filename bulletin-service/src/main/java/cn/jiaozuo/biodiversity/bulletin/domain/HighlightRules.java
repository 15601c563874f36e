package cn.jiaozuo.biodiversity.bulletin.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The bulletin's highlights: sentences written by fixed rules from its figures, never invented (docs/bulletins.md,
 * "Highlights"). Each rule speaks only when its data is there; the order is the rules' order.
 */
public final class HighlightRules {

    /** At most this many first-county-record sentences; the table lists them all. */
    static final int MAX_FIRST_RECORDS = 10;

    private HighlightRules() {
    }

    public static List<String> write(Period period, BulletinFigures f) {
        String when = period.word();
        List<String> lines = new ArrayList<>();
        // 1. First records of a species in a county, protected species first.
        f.newCountyRecordList().stream()
                .sorted(java.util.Comparator.comparingInt((BulletinFigures.NewCountyRecord r) -> FigureRules.classRank(r.protectionClass())))
                .limit(MAX_FIRST_RECORDS)
                .forEach(r -> lines.add(when + "首次在" + r.countyName() + "记录到" + name(r.chineseName(), r.scientificName())));
        // 2. Nationally first-class protected species recorded.
        List<String> first = f.species().stream().filter(s -> "NATIONAL_I".equals(s.protectionClass()))
                .map(s -> name(s.chineseName(), s.scientificName())).toList();
        if (!first.isEmpty()) {
            lines.add(when + "记录到国家一级重点保护野生动植物 " + first.size() + " 种：" + String.join("、", first));
        }
        // 3. Invasive species with their records (none where the edition suppressed the count).
        f.species().stream().filter(s -> s.invasive() && s.records() != null)
                .forEach(s -> lines.add(name(s.chineseName(), s.scientificName()) + when + "检出 " + s.records() + " 次"));
        // 4. Records against the previous period.
        if (f.records().current() > 0 || f.records().previous() > 0) {
            lines.add(when + "共获得监测记录 " + f.records().current() + " 条，记录物种 " + f.speciesRichness().current() + " 种"
                    + trend(f.records().current(), f.records().previous()));
        }
        // 5. Alerts of the highest severity.
        long critical = f.alertsByType().stream().filter(a -> "CRITICAL".equals(a.severity()) && a.current() != null)
                .mapToLong(BulletinFigures.AlertChange::current).sum();
        if (critical > 0) {
            lines.add(when + "发出特别严重（CRITICAL）预警 " + critical + " 条");
        }
        // 6. Patrol effort and incidents.
        if (f.patrols().current() > 0) {
            lines.add(when + "开展巡护 " + f.patrols().current() + " 次，巡护里程 " + f.patrolKm().current() + " 公里、用时 "
                    + f.patrolHours().current() + " 小时，发现事件 " + f.incidents().current() + " 起");
        }
        // 7. New control cases per species and how many of them were treated by the period's end.
        if (f.control() != null) {
            f.control().species().stream().filter(s -> s.newCases() > 0)
                    .forEach(s -> lines.add(name(s.chineseName(), s.scientificName()) + when + "新增 " + s.newCases()
                            + " 处疫点，已处置 " + s.newCasesTreated() + " 处"));
            if (f.control().eradicated().current() > 0) {
                lines.add(when + "拔除疫点 " + f.control().eradicated().current() + " 处，期末尚有未结疫点 "
                        + f.control().openCases().current() + " 处");
            }
        }
        // 8. Stations that sent nothing.
        if (f.stations() != null && f.stations().silent().current() > 0) {
            lines.add(when + "有 " + f.stations().silent().current() + " 个监测站点（共 " + f.stations().registered()
                    + " 个）未上传数据");
        }
        // 9. Survey visits and the plots overdue at the period's end.
        if (f.surveys() != null) {
            long visits = f.surveys().visits().current();
            long overdue = f.surveys().overduePlots().current();
            if (visits > 0) {
                lines.add(when + "完成样地调查 " + visits + " 次" + (overdue > 0 ? "；" + overdue + " 个样地逾期未调查" : ""));
            } else if (overdue > 0) {
                lines.add(when + "未开展样地调查；" + overdue + " 个样地逾期未调查");
            }
        }
        // 10. The protection rate, when measured and below the target; the internal edition names the species missing.
        BulletinFigures.ProtectionFigures p = f.protection();
        if (p != null && "MEASURED".equals(p.status()) && p.recordedSpecies() * 100.0 < p.targetPercent() * p.protectedSpecies()) {
            String line = "国家重点保护物种记录率 " + percent(p.ratePercent()) + "%，低于 " + percent(p.targetPercent()) + "% 目标";
            if (p.unrecorded() != null && !p.unrecorded().isEmpty()) {
                List<String> names = p.unrecorded().stream().map(u -> name(u.chineseName(), u.scientificName())).toList();
                line += "；" + p.windowFrom() + " 以来无记录：" + String.join("、", names.subList(0, Math.min(MAX_UNRECORDED, names.size())))
                        + (names.size() > MAX_UNRECORDED ? " 等 " + names.size() + " 种" : "");
            }
            lines.add(line);
        }
        return lines;
    }

    /** At most this many species named in the protection-rate sentence; the page lists them all. */
    static final int MAX_UNRECORDED = 10;

    /** "82.5", and "95" rather than "95.0". */
    static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** "，较上期增加 31 条" and the like; nothing when there was no previous period's figure. */
    static String trend(long current, long previous) {
        if (previous == 0) {
            return "";
        }
        if (current == previous) {
            return "，与上期持平";
        }
        return "，较上期" + (current > previous ? "增加 " : "减少 ") + Math.abs(current - previous) + " 条";
    }

    private static String name(String chinese, String scientific) {
        return chinese == null || chinese.isBlank() ? scientific : chinese;
    }

}
