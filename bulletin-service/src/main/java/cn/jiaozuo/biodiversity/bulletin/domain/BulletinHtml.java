package cn.jiaozuo.biodiversity.bulletin.domain;

import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.Amount;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.Change;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.WeekCount;
import java.util.List;
import java.util.Locale;

/**
 * Renders a bulletin's figures as one self-contained HTML page in Chinese: inline CSS, charts as inline SVG, no script,
 * no external resource, so it prints and archives as it is. Pure: the same figures give the same bytes. The markup is
 * also well-formed XML (void elements closed), which the PDF renderer parses.
 */
public final class BulletinHtml {

    private BulletinHtml() {
    }

    public static String title(BulletinFigures f) {
        return "焦作市生物多样性监测简报 · " + f.scopeName() + " · " + new Period(f.from(), f.to()).label()
                + (f.edition() == Edition.PUBLIC ? "（公开版）" : "");
    }

    /** The page of these figures; {@code contentHash} (SHA-256 of the stored figures) is printed at its foot. */
    public static String render(BulletinFigures f, String contentHash) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").append(esc(title(f)))
                .append("</title>\n<style>@page{size:A4;margin:16mm 14mm}"
                        + "body{font-family:\"WenQuanYi Zen Hei\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:4px 8px}"
                        + "th{background:#eef3ea}.up{color:#2a7a2a}.down{color:#a33}figure{margin:1em 0;page-break-inside:avoid}"
                        + ".hash,.stamp{font-size:9pt;color:#555;word-break:break-all}@media print{body{margin:0}}</style>\n</head>\n<body>\n");
        html.append("<h1>").append(esc(title(f))).append("</h1>\n");
        html.append("<p>统计期：").append(f.from()).append(" 至 ").append(f.to()).append("；对比期：").append(f.previousFrom())
                .append(" 至 ").append(f.previousTo()).append("；").append(f.edition().label()).append("</p>\n");

        html.append("<h2>一、要点</h2>\n<ul>\n");
        if (f.highlights().isEmpty()) {
            html.append("<li>本期无监测数据</li>\n");
        }
        f.highlights().forEach(h -> html.append("<li>").append(esc(h)).append("</li>\n"));
        html.append("</ul>\n");

        html.append("<h2>二、主要指标</h2>\n<table>\n<tr><th>指标</th><th>本期</th><th>上期</th><th>变化</th></tr>\n");
        row(html, "监测记录（条）", f.records());
        row(html, "记录物种（种）", f.speciesRichness());
        f.protectedSpecies().forEach(c -> row(html, c.label() + "保护物种（种）", c.species()));
        row(html, "县级新记录（种次）", f.newCountyRecords());
        row(html, "外来入侵物种检出（次）", f.invasiveDetections());
        row(html, "预警（条）", f.alerts());
        row(html, "巡护（次）", f.patrols());
        amount(html, "巡护里程（公里）", f.patrolKm());
        amount(html, "巡护用时（小时）", f.patrolHours());
        row(html, "巡护发现事件（起）", f.incidents());
        html.append("<tr><td>在用样地（个）</td><td>").append(f.activePlots()).append("</td><td></td><td></td></tr>\n</table>\n");

        if (!f.alertsByType().isEmpty()) {
            html.append("<h3>预警按类型和级别</h3>\n<table>\n<tr><th>类型</th><th>级别</th><th>本期</th><th>上期</th></tr>\n");
            f.alertsByType().forEach(a -> html.append("<tr><td>").append(esc(a.rule())).append("</td><td>").append(esc(a.severity()))
                    .append("</td><td>").append(count(a.current())).append("</td><td>").append(count(a.previous())).append("</td></tr>\n"));
            html.append("</table>\n");
        }

        if (f.stations() != null && f.stations().registered() > 0) {
            html.append("<h3>监测站点</h3>\n<table>\n<tr><th>指标</th><th>本期</th><th>上期</th><th>变化</th></tr>\n");
            html.append("<tr><td>登记站点（个）</td><td>").append(f.stations().registered()).append("</td><td></td><td></td></tr>\n");
            row(html, "未上传数据的站点（个）", f.stations().silent());
            html.append("</table>\n");
            if (!f.stations().silentIds().isEmpty()) {
                html.append("<p>未上传数据的站点：").append(esc(String.join("、", f.stations().silentIds()))).append("</p>\n");
            }
        }
        if (f.control() != null) {
            control(html, f.control());
        }
        if (f.surveys() != null) {
            surveys(html, f.surveys());
        }
        if (f.protection() != null) {
            protection(html, f.protection());
        }

        html.append("<h2>三、图表</h2>\n");
        chart(html, "chart-records", "每周监测记录", f.recordsPerWeek(), "#3b7d3b");
        chart(html, "chart-invasive", "每周外来入侵物种检出", f.invasivePerWeek(), "#b5562d");
        if (f.protection() != null && "MEASURED".equals(f.protection().status())) {
            protectionChart(html, f.protection());
        }
        if (f.map() != null) {
            map(html, f.map());
        }

        html.append("<h2>四、县级新记录</h2>\n");
        if (f.newCountyRecordList().isEmpty()) {
            html.append("<p>本期无县级新记录</p>\n");
        } else {
            html.append("<table>\n<tr><th>县（市、区）</th><th>中文名</th><th>学名</th><th>保护级别</th><th>首次记录</th></tr>\n");
            f.newCountyRecordList().forEach(r -> html.append("<tr><td>").append(esc(r.countyName())).append("</td><td>")
                    .append(esc(r.chineseName())).append("</td><td><i>").append(esc(r.scientificName())).append("</i></td><td>")
                    .append(FigureRules.classLabel(r.protectionClass())).append("</td><td>")
                    .append(r.firstObservedOn() == null ? "—" : r.firstObservedOn().toString()).append("</td></tr>\n"));
            html.append("</table>\n");
        }

        html.append("<h2>五、物种名录</h2>\n<table>\n<tr><th>中文名</th><th>学名</th><th>类群</th><th>保护级别</th>"
                + "<th>记录（条）</th><th>数量</th><th>县（市、区）</th></tr>\n");
        f.species().forEach(s -> html.append("<tr><td>").append(esc(s.chineseName())).append(s.invasive() ? "（外来入侵）" : "")
                .append("</td><td><i>").append(esc(s.scientificName())).append("</i></td><td>").append(esc(s.group()))
                .append("</td><td>").append(FigureRules.classLabel(s.protectionClass())).append("</td><td>").append(count(s.records()))
                .append("</td><td>").append(count(s.individuals())).append("</td><td>").append(esc(String.join("、", s.counties())))
                .append("</td></tr>\n"));
        html.append("</table>\n");
        if (!f.notes().isEmpty()) {
            html.append("<h2>说明</h2>\n<ul>\n");
            f.notes().forEach(n -> html.append("<li>").append(esc(n)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<p class=\"hash\">内容校验码（SHA-256）：").append(esc(contentHash)).append("</p>\n");
        return html.append("</body>\n</html>\n").toString();
    }

    /** The control-case figures and their table per species. */
    static void control(StringBuilder html, BulletinFigures.ControlFigures c) {
        html.append("<h3>外来入侵物种防控</h3>\n<table>\n<tr><th>指标</th><th>本期</th><th>上期</th><th>变化</th></tr>\n");
        row(html, "期末未结疫点（处）", c.openCases());
        row(html, "新增疫点（处）", c.newCases());
        row(html, "拔除疫点（处）", c.eradicated());
        amount(html, "期末发生面积（公顷）", c.infestedHa());
        amount(html, "防治面积（公顷）", c.treatedHa());
        html.append("</table>\n");
        if (!c.species().isEmpty()) {
            html.append("<table>\n<tr><th>中文名</th><th>学名</th><th>期末未结</th><th>新增</th><th>新增已处置</th><th>拔除</th>"
                    + "<th>发生面积（公顷）</th><th>防治面积（公顷）</th></tr>\n");
            c.species().forEach(s -> html.append("<tr><td>").append(esc(s.chineseName())).append("</td><td><i>")
                    .append(esc(s.scientificName())).append("</i></td><td>").append(s.openCases()).append("</td><td>")
                    .append(s.newCases()).append("</td><td>").append(s.newCasesTreated()).append("</td><td>").append(s.eradicated())
                    .append("</td><td>").append(s.infestedHa()).append("</td><td>").append(s.treatedHa()).append("</td></tr>\n"));
            html.append("</table>\n");
        }
    }

    /** Survey visits against the previous period and the plots overdue at the period's end (their codes when given). */
    static void surveys(StringBuilder html, BulletinFigures.SurveyFigures s) {
        html.append("<h3>样地调查</h3>\n<table>\n<tr><th>指标</th><th>本期</th><th>上期</th><th>变化</th></tr>\n");
        row(html, "样地调查（次）", s.visits());
        amount(html, "调查投入（人时）", s.effortHours());
        row(html, "调查样地（个）", s.plotsVisited());
        row(html, "期末逾期未调查样地（个）", s.overduePlots());
        html.append("</table>\n");
        if (s.overduePlotCodes() != null && !s.overduePlotCodes().isEmpty()) {
            html.append("<p>逾期未调查样地：").append(esc(String.join("、", s.overduePlotCodes()))).append("</p>\n");
        }
        if (s.unjudgedPlots() > 0) {
            html.append("<p>另有 ").append(s.unjudgedPlots()).append(" 个样地缺少调查周期或设立日期，未判断是否逾期</p>\n");
        }
    }

    /** The protection rate per class, or why there is none; the unrecorded species when the edition names them. */
    static void protection(StringBuilder html, BulletinFigures.ProtectionFigures p) {
        html.append("<h3>国家重点保护物种记录率</h3>\n");
        switch (p.status()) {
            case "NO_CATALOG" -> {
                html.append("<p>物种名录尚未载入，暂不能计算记录率</p>\n");
                return;
            }
            case "NO_PROTECTED_SPECIES" -> {
                html.append("<p>物种名录中没有国家重点保护物种，不计算记录率</p>\n");
                return;
            }
            default -> {
            }
        }
        html.append("<p>名录中国家重点保护物种在本范围内 ").append(p.windowFrom()).append(" 至 ").append(p.windowTo())
                .append(" 有记录（未被否决）的比例；目标 ").append(HighlightRules.percent(p.targetPercent()))
                .append("%（监测代用指标）</p>\n");
        html.append("<table>\n<tr><th>保护级别</th><th>名录物种（种）</th><th>有记录（种）</th><th>记录率</th></tr>\n");
        p.classes().forEach(c -> html.append("<tr><td>").append(esc(c.label())).append("</td><td>").append(c.species())
                .append("</td><td>").append(c.recorded()).append("</td><td>")
                .append(c.ratePercent() == null ? "—" : HighlightRules.percent(c.ratePercent()) + "%").append("</td></tr>\n"));
        html.append("<tr><td>合计</td><td>").append(p.protectedSpecies()).append("</td><td>").append(p.recordedSpecies())
                .append("</td><td>").append(HighlightRules.percent(p.ratePercent())).append("%</td></tr>\n</table>\n");
        if (p.unrecorded() != null && !p.unrecorded().isEmpty()) {
            html.append("<p>期内无记录的国家重点保护物种：");
            for (int i = 0; i < p.unrecorded().size(); i++) {
                BulletinFigures.UnrecordedSpecies u = p.unrecorded().get(i);
                html.append(i == 0 ? "" : "、").append(esc(u.chineseName() == null ? "" : u.chineseName())).append("（<i>")
                        .append(esc(u.scientificName())).append("</i>，").append(FigureRules.classLabel(u.protectionClass())).append("）");
            }
            html.append("</p>\n");
        }
    }

    /** The protection rate per class and in total as bars on a 0–100 % scale, with the target as a dashed line. */
    static void protectionChart(StringBuilder html, BulletinFigures.ProtectionFigures p) {
        String title = "国家重点保护物种记录率（目标 " + HighlightRules.percent(p.targetPercent()) + "%）";
        int width = 640;
        int height = 220;
        int left = 40;
        int bottom = 30;
        int top = 20;
        double plot = height - bottom - top;
        List<String> labels = new java.util.ArrayList<>();
        List<Double> rates = new java.util.ArrayList<>();
        p.classes().forEach(c -> {
            labels.add(c.label());
            rates.add(c.ratePercent());
        });
        labels.add("合计");
        rates.add(p.ratePercent());
        double slot = (width - left - 10) / (double) labels.size();
        html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-protection\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n<title>").append(esc(title)).append("</title>\n");
        html.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n",
                left, height - bottom, width - 10, height - bottom));
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">100%%</text>\n", left - 4,
                top + 4));
        for (int i = 0; i < labels.size(); i++) {
            double x = left + i * slot + slot * 0.25;
            Double rate = rates.get(i);
            if (rate != null) {
                double barHeight = plot * rate / 100;
                html.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s：%s%%</title></rect>\n",
                        x, height - bottom - barHeight, slot * 0.5, barHeight, "#2f6f9f", esc(labels.get(i)),
                        HighlightRules.percent(rate)));
                html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s%%</text>\n",
                        x + slot * 0.25, height - bottom - barHeight - 3, HighlightRules.percent(rate)));
            }
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
                    x + slot * 0.25, height - bottom + 14, esc(labels.get(i))));
        }
        double target = height - bottom - plot * p.targetPercent() / 100;
        html.append(String.format(Locale.ROOT, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n", left, target, width - 10, target));
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" fill=\"#c0392b\" text-anchor=\"end\">目标 %s%%</text>\n",
                width - 12, target - 3, HighlightRules.percent(p.targetPercent())));
        html.append("</svg>\n<figcaption>").append(esc(title)).append("：名录中国家重点保护物种在 ").append(p.windowFrom()).append(" 至 ")
                .append(p.windowTo()).append(" 有记录的比例；虚线为目标</figcaption>\n</figure>\n");
    }

    /** A bar chart of weekly counts as inline SVG (fixed size, bars scaled to the largest week). */
    static void chart(StringBuilder html, String id, String title, List<WeekCount> weeks, String colour) {
        int width = 640;
        int height = 220;
        int left = 40;
        int bottom = 30;
        long max = Math.max(1, weeks.stream().mapToLong(WeekCount::count).max().orElse(0));
        double slot = (width - left - 10) / (double) Math.max(1, weeks.size());
        html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(id).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n<title>").append(esc(title)).append("</title>\n");
        html.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n",
                left, height - bottom, width - 10, height - bottom));
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-size=\"11\" text-anchor=\"end\">%d</text>\n", left - 4, max));
        for (int i = 0; i < weeks.size(); i++) {
            WeekCount week = weeks.get(i);
            double barHeight = (height - bottom - 20) * week.count() / (double) max;
            double x = left + i * slot + slot * 0.15;
            html.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s：%d</title></rect>\n",
                    x, height - bottom - barHeight, slot * 0.7, barHeight, colour, week.week(), week.count()));
            html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%02d-%02d</text>\n",
                    x + slot * 0.35, height - bottom + 14, week.week().getMonthValue(), week.week().getDayOfMonth()));
        }
        html.append("</svg>\n<figcaption>").append(esc(title)).append("</figcaption>\n</figure>\n");
    }

    /**
     * The map as inline SVG: the frame projected plate carrée with the longitude scaled by cos(mid-latitude), county
     * outlines (or, without one, the county's extent dashed), names at the extents' centres, and the generalized marks.
     */
    static void map(StringBuilder html, BulletinFigures.MapFigure m) {
        int width = 640;
        int pad = 12;
        double cos = Math.cos(Math.toRadians((m.south() + m.north()) / 2));
        double scale = Math.min((width - 2 * pad) / ((m.east() - m.west()) * cos), 420 / (m.north() - m.south()));
        int height = (int) Math.ceil((m.north() - m.south()) * scale) + 2 * pad;
        java.util.function.DoubleUnaryOperator x = lon -> pad + (lon - m.west()) * cos * scale;
        java.util.function.DoubleUnaryOperator y = lat -> pad + (m.north() - lat) * scale;
        String title = "监测记录分布（位置已概化）";
        html.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(title).append("\">\n<title>").append(title).append("</title>\n");
        for (BulletinFigures.MapCounty c : m.counties()) {
            JiaozuoCountyBox box = JiaozuoCountyBox.of(c.code());
            if (c.outlined()) {
                StringBuilder d = new StringBuilder();
                for (String ring : c.rings()) {
                    String[] pairs = ring.split(" ");
                    for (int i = 0; i < pairs.length; i++) {
                        String[] lonLat = pairs[i].split(",");
                        d.append(i == 0 ? "M" : "L").append(String.format(java.util.Locale.ROOT, "%.1f %.1f",
                                x.applyAsDouble(Double.parseDouble(lonLat[0])), y.applyAsDouble(Double.parseDouble(lonLat[1]))));
                    }
                    d.append('Z');
                }
                html.append("<path data-county=\"").append(c.code()).append("\" d=\"").append(d)
                        .append("\" fill=\"#f1f5ec\" fill-rule=\"evenodd\" stroke=\"#6b6b6b\" stroke-width=\"1\"/>\n");
            } else {
                html.append(String.format(java.util.Locale.ROOT, "<rect data-county=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                        + " fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n", c.code(), x.applyAsDouble(box.west()),
                        y.applyAsDouble(box.north()), (box.east() - box.west()) * cos * scale, (box.north() - box.south()) * scale));
            }
        }
        for (BulletinFigures.MapCounty c : m.counties()) {
            JiaozuoCountyBox box = JiaozuoCountyBox.of(c.code());
            html.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#555\""
                    + " text-anchor=\"middle\">%s</text>\n", x.applyAsDouble((box.west() + box.east()) / 2),
                    y.applyAsDouble((box.south() + box.north()) / 2) - 10, esc(c.name())));
        }
        for (BulletinFigures.MapMark mark : m.marks()) {
            double cx = x.applyAsDouble(mark.lon());
            double cy = y.applyAsDouble(mark.lat());
            String count = mark.records() == null ? "*" : mark.records().toString();
            switch (mark.precision()) {
                case MapRules.COARSE -> {
                    double w = 0.1 * cos * scale;
                    double h = 0.1 * scale;
                    html.append(String.format(java.util.Locale.ROOT, "<rect class=\"mark-coarse\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                            + " height=\"%.1f\" fill=\"#c47a1a\" fill-opacity=\"0.35\" stroke=\"#c47a1a\"><title>敏感物种（0.1° 网格）：%s 条</title></rect>\n",
                            cx - w / 2, cy - h / 2, w, h, count));
                }
                case MapRules.COUNTY -> html.append(String.format(java.util.Locale.ROOT, "<circle class=\"mark-county\" cx=\"%.1f\""
                        + " cy=\"%.1f\" r=\"9\" fill=\"#8a4fb0\" fill-opacity=\"0.5\"><title>敏感物种（仅到县级）：%s 条</title></circle>\n"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%s</text>\n", cx, cy, count, cx, cy + 3, count));
                default -> html.append(String.format(java.util.Locale.ROOT, "<circle class=\"mark-fine\" cx=\"%.1f\" cy=\"%.1f\""
                        + " r=\"%.1f\" fill=\"#3b7d3b\" fill-opacity=\"0.8\"><title>0.01° 网格：%s 条</title></circle>\n",
                        cx, cy, mark.records() == null ? 3.0 : Math.min(8, 2.5 + Math.sqrt(mark.records())), count));
            }
        }
        html.append("</svg>\n<figcaption>").append(title).append("：绿点为非敏感物种记录（0.01° 网格中心）；橙色方格为敏感物种（0.1° 网格）；"
                + "紫色圆为敏感物种（仅到县级）；虚线框为未载入县界的县域范围（近似）</figcaption>\n</figure>\n");
    }

    /** A county's extent (common's JiaozuoCounty), for the dashed frame and the label. */
    private record JiaozuoCountyBox(double west, double south, double east, double north) {
        static JiaozuoCountyBox of(String code) {
            var e = cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty.byCode(code).orElseThrow().extent();
            return new JiaozuoCountyBox(e.west(), e.south(), e.east(), e.north());
        }
    }

    private static void row(StringBuilder html, String label, Change c) {
        html.append("<tr><td>").append(label).append("</td><td>").append(c.current()).append("</td><td>").append(c.previous())
                .append("</td><td class=\"").append(c.change() >= 0 ? "up" : "down").append("\">")
                .append(c.change() > 0 ? "+" : "").append(c.change()).append("</td></tr>\n");
    }

    private static void amount(StringBuilder html, String label, Amount a) {
        html.append("<tr><td>").append(label).append("</td><td>").append(a.current()).append("</td><td>").append(a.previous())
                .append("</td><td class=\"").append(a.change() >= 0 ? "up" : "down").append("\">")
                .append(a.change() > 0 ? "+" : "").append(a.change()).append("</td></tr>\n");
    }

    private static String count(Long value) {
        return value == null ? "*" : value.toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
