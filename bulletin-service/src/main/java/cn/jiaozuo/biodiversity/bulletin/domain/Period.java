package cn.jiaozuo.biodiversity.bulletin.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** A bulletin's period: whole days {@code from} to {@code to}, both included, in the bureaus' calendar. */
public record Period(LocalDate from, LocalDate to) {

    /** The calendar month of this day. */
    public static Period monthOf(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        return new Period(first, first.plusMonths(1).minusDays(1));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The period of the same length just before this one, what the changes are measured against: the previous calendar
     * month for a calendar month (month on month, as the bureaus report), else as many days just before.
     */
    public Period previous() {
        if (isCalendarMonth()) {
            return monthOf(from.minusMonths(1));
        }
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    public boolean isCalendarMonth() {
        return from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1).minusDays(1));
    }

    /** "本月" for a calendar month, else "本期": the word the highlights use. */
    public String word() {
        return isCalendarMonth() ? "本月" : "本期";
    }

    /** "2026年10月" for a calendar month, else "2026-10-01至2026-10-20". */
    public String label() {
        return isCalendarMonth() ? from.getYear() + "年" + from.getMonthValue() + "月" : from + "至" + to;
    }

    /** The first instant of the period in this zone. */
    public ZonedDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone);
    }

    /** The first instant after the period in this zone. */
    public ZonedDateTime end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone);
    }
}
