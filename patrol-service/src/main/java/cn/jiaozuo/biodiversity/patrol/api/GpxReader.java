package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import cn.jiaozuo.biodiversity.patrol.domain.NewCandidate;
import cn.jiaozuo.biodiversity.patrol.domain.TrackPoint;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;

/**
 * Reads a GPX 1.1 file with jpx (strict: a file that breaks the schema is refused, with the parser's reason): each
 * {@code trk/trkseg} becomes a line of {@code trkpt} with their times, each {@code wpt} a candidate incident. Routes
 * ({@code rte}) are plans, not walks, and are ignored; so are elevations and vendor extensions. The file is parsed
 * from its bytes, so an encoding its XML declaration names is honoured.
 */
public final class GpxReader {

    private static final GPX.Reader READER = GPX.Reader.of(GPX.Version.V11, GPX.Reader.Mode.STRICT);

    /** Words in a waypoint's type, name, comment or description that name an incident type (Chinese as rangers write them). */
    private static final Map<IncidentType, List<String>> KEYWORDS = Map.ofEntries(
            Map.entry(IncidentType.SNARE, List.of("猎套", "套子", "钢丝套", "绳套")),
            Map.entry(IncidentType.TRAP, List.of("猎夹", "兽夹", "夹子", "陷阱")),
            Map.entry(IncidentType.POACHING, List.of("盗猎", "偷猎", "猎捕")),
            Map.entry(IncidentType.ILLEGAL_LOGGING, List.of("盗伐", "滥伐", "砍伐")),
            Map.entry(IncidentType.ILLEGAL_GRAZING, List.of("放牧")),
            Map.entry(IncidentType.FIRE, List.of("火情", "火点", "起火", "烟点")),
            Map.entry(IncidentType.MINING, List.of("采矿", "采砂", "挖沙", "采石")),
            Map.entry(IncidentType.ILLEGAL_TRADE, List.of("非法交易", "贩卖", "收购野生")),
            Map.entry(IncidentType.CARCASS, List.of("尸体", "死亡")),
            Map.entry(IncidentType.DISTURBANCE, List.of("干扰")));

    private GpxReader() {
    }

    /** What a GPX file holds for a patrol. {@code first}/{@code last}: the earliest and latest track point time, or null. */
    public record GpxContent(List<List<TrackPoint>> segments, List<NewCandidate> waypoints, Instant first, Instant last) {

        public int pointCount() {
            return segments.stream().mapToInt(List::size).sum();
        }
    }

    /** Thrown for a file that is not GPX 1.1 or holds no track; the message names the problem. */
    public static final class UnreadableGpxException extends Exception {

        UnreadableGpxException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The {@code <trkpt} tags in the file, counted on its bytes before it is parsed: a file far over the point limit
     * is refused without building 200,000 points first (the exact count after parsing is checked again).
     */
    public static int countTrackPoints(byte[] file) {
        byte[] tag = {'<', 't', 'r', 'k', 'p', 't'};
        int count = 0;
        outer:
        for (int i = 0; i + tag.length < file.length; i++) {
            for (int j = 0; j < tag.length; j++) {
                if (file[i + j] != tag[j]) {
                    continue outer;
                }
            }
            byte next = file[i + tag.length];
            if (next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n' || next == '\r') {
                count++;
            }
        }
        return count;
    }

    public static GpxContent read(byte[] file) throws UnreadableGpxException {
        GPX gpx;
        try {
            gpx = READER.read(new StreamSource(new ByteArrayInputStream(file)));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableGpxException("is not a GPX 1.1 file: " + reason(e));
        }
        List<List<TrackPoint>> segments = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (Track track : gpx.getTracks()) {
            for (TrackSegment segment : track.getSegments()) {
                if (segment.isEmpty()) {
                    continue;
                }
                List<TrackPoint> points = new ArrayList<>(segment.getPoints().size());
                for (WayPoint p : segment.getPoints()) {
                    Instant time = p.getTime().orElse(null);
                    points.add(new TrackPoint(p.getLatitude().doubleValue(), p.getLongitude().doubleValue(), time));
                    if (time != null) {
                        first = first == null || time.isBefore(first) ? time : first;
                        last = last == null || time.isAfter(last) ? time : last;
                    }
                }
                segments.add(points);
            }
        }
        if (segments.isEmpty()) {
            throw new UnreadableGpxException("holds no track points (trk/trkseg/trkpt); a file of waypoints or routes alone is no patrol");
        }
        List<NewCandidate> waypoints = gpx.getWayPoints().stream().map(GpxReader::candidate).toList();
        return new GpxContent(segments, waypoints, first, last);
    }

    private static NewCandidate candidate(WayPoint w) {
        String description = Stream.of(w.getComment(), w.getDescription()).flatMap(Optional::stream)
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(" / "));
        return new NewCandidate(clip(w.getName().orElse(null), 200), clip(description.isEmpty() ? null : description, 2000),
                clip(w.getSymbol().orElse(null), 100), w.getLatitude().doubleValue(), w.getLongitude().doubleValue(),
                w.getTime().orElse(null), suggest(w));
    }

    /** The incident type a waypoint's GPX type, name, comment or description names, if exactly one does. */
    static IncidentType suggest(WayPoint w) {
        String text = Stream.of(w.getType(), w.getName(), w.getComment(), w.getDescription()).flatMap(Optional::stream)
                .collect(Collectors.joining(" "));
        String upper = text.toUpperCase(Locale.ROOT).replace(' ', '_');
        List<IncidentType> named = new ArrayList<>();
        for (IncidentType type : IncidentType.values()) {
            boolean english = type != IncidentType.OTHER
                    && Pattern.compile("(^|[^A-Z])" + type.name() + "($|[^A-Z])").matcher(upper).find();
            boolean chinese = KEYWORDS.getOrDefault(type, List.of()).stream().anyMatch(text::contains);
            if (english || chinese) {
                named.add(type);
            }
        }
        return named.size() == 1 ? named.get(0) : null;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** The parser's own words, first line, without the class names of the exceptions it came through. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = Objects.requireNonNullElse(cause.getMessage(), "unreadable");
        message = message.replaceAll("(?s)^[a-zA-Z0-9_.$]+(Exception|Error): ", "").replaceFirst("^Invalid GPX: ", "")
                .lines().map(String::strip)
                .filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
