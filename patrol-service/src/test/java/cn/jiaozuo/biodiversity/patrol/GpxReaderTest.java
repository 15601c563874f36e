package cn.jiaozuo.biodiversity.patrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.patrol.api.GpxReader;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The GPX mapping alone: Garmin's dialect in, lines, times and candidate incidents out. */
class GpxReaderTest {

    private static final Instant T0 = Instant.parse("2025-05-13T23:30:00Z");

    @Test
    void track_segments_become_lines_with_their_times_and_waypoints_candidates() throws Exception {
        byte[] file = new GarminGpx()
                .waypoint("猎套 003", "钢丝套 x3", "Flag, Red", 35.4012, 113.3521, T0.plusSeconds(600))
                .waypoint("001", null, "Flag, Blue", 35.4020, 113.3530, null)
                .waypoint("SNARE TRAP", null, "Pin, Green", 35.4021, 113.3531, null)
                .segment(GarminGpx.walk(35.40, 113.35, T0, 30, 5, 0.00004))
                .segment(GarminGpx.walk(35.41, 113.36, T0.plusSeconds(3600), 12, 5, 0.00004))
                .xml().getBytes(StandardCharsets.UTF_8);
        GpxReader.GpxContent gpx = GpxReader.read(file);
        assertEquals(2, gpx.segments().size());
        assertEquals(30, gpx.segments().get(0).size());
        assertEquals(42, gpx.pointCount());
        assertEquals(35.40004, gpx.segments().get(0).get(1).lat(), 1e-9);
        assertEquals(113.35004, gpx.segments().get(0).get(1).lon(), 1e-9);
        assertEquals(T0.plusSeconds(5), gpx.segments().get(0).get(1).time());
        assertEquals(T0, gpx.first());
        assertEquals(T0.plusSeconds(3600 + 55), gpx.last());
        assertEquals(3, gpx.waypoints().size());
        assertEquals("猎套 003", gpx.waypoints().get(0).name());
        assertEquals("钢丝套 x3", gpx.waypoints().get(0).description());
        assertEquals("Flag, Red", gpx.waypoints().get(0).symbol());
        assertEquals(T0.plusSeconds(600), gpx.waypoints().get(0).markedAt());
        assertEquals(IncidentType.SNARE, gpx.waypoints().get(0).suggestedType());
        assertNull(gpx.waypoints().get(1).suggestedType(), "a numbered waypoint says nothing of what it marks");
        assertNull(gpx.waypoints().get(2).suggestedType(), "two types named: no suggestion");
    }

    @Test
    void a_broken_file_is_refused_with_the_parsers_reason() {
        String whole = new GarminGpx().segment(GarminGpx.walk(35.40, 113.35, T0, 3, 5, 0.0001)).xml();
        byte[] cut = whole.substring(0, whole.indexOf("</trkpt>") + 3).getBytes(StandardCharsets.UTF_8);
        GpxReader.UnreadableGpxException e = assertThrows(GpxReader.UnreadableGpxException.class, () -> GpxReader.read(cut));
        assertTrue(e.getMessage().startsWith("is not a GPX 1.1 file: ParseError at [row,col]:["), e.getMessage());
        assertTrue(!e.getMessage().contains("Exception"), "no class names: " + e.getMessage());
    }

    @Test
    void track_points_are_counted_on_the_bytes() {
        byte[] file = new GarminGpx().waypoint("001", null, "Flag, Blue", 35.40, 113.35, null)
                .segment(GarminGpx.walk(35.40, 113.35, T0, 7, 5, 0.0001)).segment(GarminGpx.walk(35.41, 113.36, T0, 5, 5, 0.0001))
                .xml().getBytes(StandardCharsets.UTF_8);
        assertEquals(12, GpxReader.countTrackPoints(file));
    }

    @Test
    void a_file_of_waypoints_only_is_no_patrol() {
        byte[] file = ("<?xml version=\"1.0\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\">"
                + "<wpt lat=\"35.4\" lon=\"113.35\"><name>001</name></wpt></gpx>").getBytes(StandardCharsets.UTF_8);
        GpxReader.UnreadableGpxException e = assertThrows(GpxReader.UnreadableGpxException.class, () -> GpxReader.read(file));
        assertTrue(e.getMessage().contains("no track points"), e.getMessage());
    }

    @Test
    void an_external_entity_is_not_resolved() {
        byte[] file = ("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\" creator=\"x\"><trk><name>&secret;</name><trkseg>"
                + "<trkpt lat=\"35.4\" lon=\"113.35\"/><trkpt lat=\"35.41\" lon=\"113.36\"/></trkseg></trk></gpx>")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(GpxReader.UnreadableGpxException.class, () -> GpxReader.read(file));
    }

    @Test
    void an_encoding_named_in_the_declaration_is_honoured() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?><gpx xmlns=\"http://www.topografix.com/GPX/1/1\" version=\"1.1\""
                + " creator=\"x\"><wpt lat=\"35.4\" lon=\"113.35\"><name>火点</name></wpt><trk><trkseg>"
                + "<trkpt lat=\"35.4\" lon=\"113.35\"/><trkpt lat=\"35.41\" lon=\"113.36\"/></trkseg></trk></gpx>";
        GpxReader.GpxContent gpx = GpxReader.read(xml.getBytes("GB18030"));
        assertEquals("火点", gpx.waypoints().get(0).name());
        assertEquals(IncidentType.FIRE, gpx.waypoints().get(0).suggestedType());
        assertNull(gpx.first(), "no times in the file");
    }
}
