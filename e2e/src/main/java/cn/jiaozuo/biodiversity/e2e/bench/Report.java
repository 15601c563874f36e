package cn.jiaozuo.biodiversity.e2e.bench;

import java.util.Locale;

/** The Markdown report: every line also goes to stderr as it is written, so a run can be followed. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
        System.err.println(line);
    }

    /** A row of the targets table. */
    void row(String target, String measured, boolean met) {
        line("| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
    }

    String text() {
        return text.toString();
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }
}
