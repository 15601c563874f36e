package cn.jiaozuo.biodiversity.plot.config;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Date constraints ({@code @PastOrPresent} on a station's {@code installedOn} or a plot's
 * {@code establishedOn}) judge by the bureaus' calendar, not the server's: from 16:00 UTC it is
 * already tomorrow in Jiaozuo, and a camera installed "today" there was refused as a future date.
 * A constant, not {@link PlotConfig#zone()}: the validator factory asks for the clock while starting,
 * before configuration mappings exist (China keeps one time zone, the same as that default).
 */
@ApplicationScoped
@Unremovable
public class JiaozuoClockProvider implements ClockProvider {

    private static final Clock JIAOZUO = Clock.system(ZoneId.of("Asia/Shanghai"));

    @Override
    public Clock getClock() {
        return JIAOZUO;
    }
}
