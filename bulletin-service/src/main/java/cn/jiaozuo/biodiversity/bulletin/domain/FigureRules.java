package cn.jiaozuo.biodiversity.bulletin.domain;

import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.AlertChange;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.Amount;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.Change;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.ClassChange;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.ControlFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.ControlSpecies;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.NewCountyRecord;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.SpeciesRow;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.ProtectionClassRate;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.ProtectionFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.StationFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.SurveyFigures;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.UnrecordedSpecies;
import cn.jiaozuo.biodiversity.bulletin.domain.BulletinFigures.WeekCount;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Counts a bulletin's figures from the facts of its period and of the previous one, and applies the edition's rules
 * (docs/bulletins.md, "Figures" and "Editions"). Pure: the same facts give the same figures.
 */
public final class FigureRules {

    /** Protection classes in the order the bulletin lists them, with their Chinese labels. */
    public static final Map<String, String> CLASSES = orderedClasses();
    /** Rules of alert-service in the order the bulletin lists them. */
    public static final List<String> RULES = List.of("PROTECTED_SPECIES", "INVASIVE_SPECIES", "ENFORCEMENT");
    public static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "INFO");

    /** The protection classes the protection rate counts (行动 18: 国家重点保护). */
    public static final List<String> NATIONAL = List.of("NATIONAL_I", "NATIONAL_II");

    private final ZoneId zone;
    private final int publicMinCount;
    private final double targetPercent;

    public FigureRules(ZoneId zone, int publicMinCount) {
        this(zone, publicMinCount, 95);
    }

    public FigureRules(ZoneId zone, int publicMinCount, double targetPercent) {
        this.zone = zone;
        this.publicMinCount = publicMinCount;
        this.targetPercent = targetPercent;
    }

    public BulletinFigures figures(Period period, Scope scope, Edition edition, Facts current, Facts previous) {
        Period before = period.previous();
        boolean open = edition == Edition.INTERNAL;
        List<ClassChange> classes = new ArrayList<>();
        CLASSES.forEach((code, label) -> classes.add(new ClassChange(code, label,
                Change.of(species(current, o -> code.equals(o.protectionLevel())), species(previous, o -> code.equals(o.protectionLevel()))))));
        List<AlertChange> alerts = new ArrayList<>();
        for (String rule : RULES) {
            for (String severity : SEVERITIES) {
                long now = current.alerts().stream().filter(a -> rule.equals(a.rule()) && severity.equals(a.severity())).count();
                long then = previous.alerts().stream().filter(a -> rule.equals(a.rule()) && severity.equals(a.severity())).count();
                if (now > 0 || then > 0) {
                    boolean hide = !open && (small(now) || small(then));
                    alerts.add(new AlertChange(rule, severity, hide ? null : now, hide ? null : then, hide));
                }
            }
        }
        List<NewCountyRecord> firsts = current.firstRecords().stream()
                .sorted(Comparator.comparing(Facts.FirstRecord::countyCode).thenComparing(Facts.FirstRecord::scientificName))
                .map(f -> new NewCountyRecord(f.scientificName(), f.chineseName(), f.protectionLevel(), f.countyCode(),
                        Scope.countyName(f.countyCode()), open || !f.sensitive() ? day(f.firstObservedAt()) : null))
                .toList();
        SurveyFigures surveys = surveys(period, current, previous, open);
        ProtectionFigures protection = protection(current.catalog(), open);
        List<String> notes = new ArrayList<>();
        if (!open) {
            notes.add("公开版：敏感物种仅公布到县级，不公布记录日期");
            notes.add("公开版：少于 " + publicMinCount + " 的数量不予公布");
            // Said only when something was left out, so bulletins without these figures keep their notes.
            if (surveys.overduePlots().current() > 0) {
                notes.add("公开版：逾期未调查样地仅公布数量，不公布编号");
            }
            if (protection.recordedSpecies() < protection.protectedSpecies()) {
                notes.add("公开版：无记录的国家重点保护物种仅公布数量，不公布名单");
            }
        }
        BulletinFigures figures = new BulletinFigures(period.from(), period.to(), before.from(), before.to(), scope.code(),
                scope.chineseName(), edition,
                Change.of(current.observations().size(), previous.observations().size()),
                Change.of(species(current, o -> true), species(previous, o -> true)),
                classes,
                Change.of(current.firstRecords().size(), previous.firstRecords().size()),
                Change.of(current.observations().stream().filter(Facts.Observation::invasive).count(),
                        previous.observations().stream().filter(Facts.Observation::invasive).count()),
                Change.of(current.alerts().size(), previous.alerts().size()),
                alerts,
                Change.of(current.patrols().size(), previous.patrols().size()),
                Amount.of(current.patrols().stream().mapToDouble(Facts.Patrol::distanceKm).sum(),
                        previous.patrols().stream().mapToDouble(Facts.Patrol::distanceKm).sum()),
                Amount.of(current.patrols().stream().mapToDouble(Facts.Patrol::durationHours).sum(),
                        previous.patrols().stream().mapToDouble(Facts.Patrol::durationHours).sum()),
                Change.of(current.incidents().size(), previous.incidents().size()),
                current.activePlots(),
                weekly(period, current, o -> true),
                weekly(period, current, Facts.Observation::invasive),
                firsts,
                speciesRows(current, open),
                List.of(),
                notes,
                MapRules.map(scope, current, open, publicMinCount),
                control(period, current, previous),
                new StationFigures(current.stations().registered(),
                        Change.of(current.stations().silent().size(), previous.stations().silent().size()),
                        List.copyOf(current.stations().silent())),
                surveys,
                protection);
        return withHighlights(figures, HighlightRules.write(period, figures));
    }

    /** Visits, effort and plots visited against the previous period; the plots overdue at each period's end. */
    private SurveyFigures surveys(Period period, Facts current, Facts previous, boolean open) {
        List<String> overdue = overdue(period, current);
        return new SurveyFigures(
                Change.of(current.surveys().size(), previous.surveys().size()),
                Amount.of(effort(current), effort(previous)),
                Change.of(current.surveys().stream().map(Facts.Survey::plotCode).distinct().count(),
                        previous.surveys().stream().map(Facts.Survey::plotCode).distinct().count()),
                Change.of(overdue.size(), overdue(period.previous(), previous).size()),
                open ? overdue : null,
                current.plotVisits().stream().filter(p -> judgedFrom(period, p) == null && !notYet(period, p)).count());
    }

    /** Summed exactly (BigDecimal), so the amount does not depend on the order of the visits. */
    private static double effort(Facts facts) {
        return facts.surveys().stream().map(Facts.Survey::effortHours).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .doubleValue();
    }

    /**
     * The codes (sorted) of the active plots overdue at the period's last day: the last visit on or before it, else the
     * plot's establishment, lies more than its survey interval before it (interval N: day N after is due, N + 1 overdue).
     */
    static List<String> overdue(Period period, Facts facts) {
        return facts.plotVisits().stream()
                .filter(p -> !notYet(period, p))
                .filter(p -> {
                    LocalDate since = judgedFrom(period, p);
                    return since != null && java.time.temporal.ChronoUnit.DAYS.between(since, period.to()) > p.surveyIntervalDays();
                })
                .map(Facts.PlotVisit::code).sorted().toList();
    }

    /** The day an overdue plot is counted from, or null when it cannot be judged (no interval; never visited, no start). */
    private static LocalDate judgedFrom(Period period, Facts.PlotVisit p) {
        if (p.surveyIntervalDays() == null || p.surveyIntervalDays() <= 0) {
            return null;
        }
        return p.lastVisitOn() != null ? p.lastVisitOn() : p.establishedOn();
    }

    /** Established after the period: not a plot of it yet. */
    private static boolean notYet(Period period, Facts.PlotVisit p) {
        return p.establishedOn() != null && p.establishedOn().isAfter(period.to());
    }

    /**
     * The protection rate of the catalog's nationally protected species; says so rather than 0 % when the catalog has
     * not arrived or holds none. The public edition has the counts, not the names.
     */
    private ProtectionFigures protection(Facts.Catalog catalog, boolean open) {
        List<Facts.ProtectedSpecies> listed = catalog.protectedSpecies().stream()
                .filter(s -> NATIONAL.contains(s.protectionClass())).toList();
        List<ProtectionClassRate> classes = NATIONAL.stream().map(code -> {
            long species = listed.stream().filter(s -> code.equals(s.protectionClass())).count();
            long recorded = listed.stream().filter(s -> code.equals(s.protectionClass()) && s.recorded()).count();
            return new ProtectionClassRate(code, CLASSES.get(code), species, recorded, percent(recorded, species));
        }).toList();
        long recorded = listed.stream().filter(Facts.ProtectedSpecies::recorded).count();
        String status = catalog.size() == 0 ? "NO_CATALOG" : listed.isEmpty() ? "NO_PROTECTED_SPECIES" : "MEASURED";
        List<UnrecordedSpecies> unrecorded = listed.stream().filter(s -> !s.recorded())
                .sorted(Comparator.comparing(Facts.ProtectedSpecies::scientificName).thenComparingLong(Facts.ProtectedSpecies::id))
                .map(s -> new UnrecordedSpecies(s.scientificName(), s.chineseName(), s.protectionClass())).toList();
        return new ProtectionFigures(status, catalog.windowFrom(), catalog.windowTo(), targetPercent, catalog.size(), listed.size(),
                recorded, percent(recorded, listed.size()), classes, open ? unrecorded : null);
    }

    /** Percent with one decimal, or null when there is nothing to divide by. */
    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /**
     * Control figures: the previous period's open cases are those open at its end by the same rule (from today's
     * state: a case eradicated and reopened since counts as open throughout).
     */
    private ControlFigures control(Period period, Facts current, Facts previous) {
        Period before = period.previous();
        List<Facts.ControlCase> cases = current.controlCases();
        Map<String, List<Facts.ControlCase>> bySpecies = cases.stream()
                .collect(Collectors.groupingBy(Facts.ControlCase::scientificName, TreeMap::new, Collectors.toList()));
        Map<Long, Double> treatedBySpecies = current.controlActions().stream()
                .collect(Collectors.groupingBy(Facts.ControlAction::speciesId, Collectors.summingDouble(Facts.ControlAction::treatedAreaHa)));
        List<ControlSpecies> species = new ArrayList<>();
        bySpecies.forEach((name, list) -> {
            Facts.ControlCase any = list.get(0);
            List<Facts.ControlCase> opened = list.stream().filter(c -> openedIn(period, c)).toList();
            long open = list.stream().filter(c -> openAtEnd(period, c)).count();
            long eradicated = list.stream().filter(c -> eradicatedIn(period, c)).count();
            double treated = list.stream().mapToLong(Facts.ControlCase::speciesId).distinct()
                    .mapToDouble(id -> treatedBySpecies.getOrDefault(id, 0.0)).sum();
            if (open > 0 || !opened.isEmpty() || eradicated > 0 || treated > 0) {
                species.add(new ControlSpecies(name, any.chineseName(), open, opened.size(),
                        opened.stream().filter(c -> c.firstActionOn() != null && !c.firstActionOn().isAfter(period.to())).count(),
                        eradicated, round(list.stream().filter(c -> openAtEnd(period, c)).mapToDouble(Facts.ControlCase::areaHa).sum()),
                        round(treated)));
            }
        });
        return new ControlFigures(
                Change.of(cases.stream().filter(c -> openAtEnd(period, c)).count(),
                        previous.controlCases().stream().filter(c -> openAtEnd(before, c)).count()),
                Change.of(cases.stream().filter(c -> openedIn(period, c)).count(),
                        previous.controlCases().stream().filter(c -> openedIn(before, c)).count()),
                Change.of(cases.stream().filter(c -> eradicatedIn(period, c)).count(),
                        previous.controlCases().stream().filter(c -> eradicatedIn(before, c)).count()),
                Amount.of(cases.stream().filter(c -> openAtEnd(period, c)).mapToDouble(Facts.ControlCase::areaHa).sum(),
                        previous.controlCases().stream().filter(c -> openAtEnd(before, c)).mapToDouble(Facts.ControlCase::areaHa).sum()),
                Amount.of(current.controlActions().stream().mapToDouble(Facts.ControlAction::treatedAreaHa).sum(),
                        previous.controlActions().stream().mapToDouble(Facts.ControlAction::treatedAreaHa).sum()),
                species);
    }

    private boolean openedIn(Period period, Facts.ControlCase c) {
        return !c.openedAt().isBefore(period.start(zone).toInstant()) && c.openedAt().isBefore(period.end(zone).toInstant());
    }

    /** Opened before the period's end and, by then, neither eradicated nor closed. */
    private boolean openAtEnd(Period period, Facts.ControlCase c) {
        if (!c.openedAt().isBefore(period.end(zone).toInstant())) {
            return false;
        }
        if ("ERADICATED".equals(c.status())) {
            return eradicatedOn(c).isAfter(period.to());
        }
        if ("CLOSED".equals(c.status())) {
            // CLOSED is final: nothing changes a closed case, so its updatedAt is its closing.
            return !c.updatedAt().isBefore(period.end(zone).toInstant());
        }
        return true;
    }

    private boolean eradicatedIn(Period period, Facts.ControlCase c) {
        if (!"ERADICATED".equals(c.status())) {
            return false;
        }
        LocalDate on = eradicatedOn(c);
        return !on.isBefore(period.from()) && !on.isAfter(period.to());
    }

    private LocalDate eradicatedOn(Facts.ControlCase c) {
        return c.eradicatedOn() != null ? c.eradicatedOn() : day(c.updatedAt());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private boolean small(long count) {
        return count > 0 && count < publicMinCount;
    }

    private static long species(Facts facts, Predicate<Facts.Observation> which) {
        return facts.observations().stream().filter(which).map(Facts.Observation::speciesId).distinct().count();
    }

    /** Counts per week, Monday to Sunday, every week of the period listed (zero included), so the chart has no gaps. */
    private List<WeekCount> weekly(Period period, Facts facts, Predicate<Facts.Observation> which) {
        Map<LocalDate, Long> weeks = new TreeMap<>();
        for (LocalDate week = monday(period.from()); !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            weeks.put(week, 0L);
        }
        facts.observations().stream().filter(which).forEach(o -> weeks.merge(monday(day(o.observedAt())), 1L, Long::sum));
        return weeks.entrySet().stream().map(e -> new WeekCount(e.getKey(), e.getValue())).toList();
    }

    private List<SpeciesRow> speciesRows(Facts facts, boolean open) {
        Map<Long, List<Facts.Observation>> bySpecies = facts.observations().stream()
                .collect(Collectors.groupingBy(Facts.Observation::speciesId, TreeMap::new, Collectors.toList()));
        List<SpeciesRow> rows = new ArrayList<>();
        for (List<Facts.Observation> records : bySpecies.values()) {
            Facts.Observation first = records.get(0);
            long count = records.size();
            long individuals = records.stream().mapToLong(Facts.Observation::individuals).sum();
            boolean hide = !open && (small(count) || small(individuals));
            boolean dated = open || !first.sensitive();
            List<String> counties = records.stream().map(Facts.Observation::countyCode).collect(Collectors.toCollection(TreeSet::new))
                    .stream().map(Scope::countyName).toList();
            rows.add(new SpeciesRow(first.scientificName(), first.chineseName(), first.group(), first.protectionLevel(),
                    first.sensitive(), first.invasive(), hide ? null : count, hide ? null : individuals, hide, counties,
                    dated ? records.stream().map(o -> day(o.observedAt())).min(Comparator.naturalOrder()).orElseThrow() : null,
                    dated ? records.stream().map(o -> day(o.observedAt())).max(Comparator.naturalOrder()).orElseThrow() : null));
        }
        rows.sort(Comparator.comparingInt((SpeciesRow r) -> classRank(r.protectionClass())).thenComparing(SpeciesRow::scientificName));
        return rows;
    }

    static int classRank(String protectionClass) {
        int rank = new ArrayList<>(CLASSES.keySet()).indexOf(protectionClass);
        return rank < 0 ? CLASSES.size() : rank;
    }

    private LocalDate day(java.time.Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static BulletinFigures withHighlights(BulletinFigures f, List<String> highlights) {
        return new BulletinFigures(f.from(), f.to(), f.previousFrom(), f.previousTo(), f.scope(), f.scopeName(), f.edition(),
                f.records(), f.speciesRichness(), f.protectedSpecies(), f.newCountyRecords(), f.invasiveDetections(),
                f.alerts(), f.alertsByType(), f.patrols(), f.patrolKm(), f.patrolHours(), f.incidents(), f.activePlots(),
                f.recordsPerWeek(), f.invasivePerWeek(), f.newCountyRecordList(), f.species(), List.copyOf(highlights), f.notes(), f.map(),
                f.control(), f.stations(), f.surveys(), f.protection());
    }

    private static Map<String, String> orderedClasses() {
        Map<String, String> classes = new java.util.LinkedHashMap<>();
        classes.put("NATIONAL_I", "国家一级");
        classes.put("NATIONAL_II", "国家二级");
        classes.put("PROVINCIAL", "省级");
        return java.util.Collections.unmodifiableMap(classes);
    }

    /** The Chinese label of a protection class ("" for NONE). */
    public static String classLabel(String protectionClass) {
        return Objects.requireNonNullElse(CLASSES.get(protectionClass), "");
    }
}
