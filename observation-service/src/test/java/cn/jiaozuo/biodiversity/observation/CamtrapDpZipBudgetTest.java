package cn.jiaozuo.biodiversity.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jiaozuo.biodiversity.common.security.Roles;
import cn.jiaozuo.biodiversity.observation.domain.StationBindings;
import cn.jiaozuo.biodiversity.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A Camtrap DP upload is small, but a zip can unpack to gigabytes: entries the import does not use are never
 * unpacked, and what it reads is held to one budget (entries, bytes unpacked) with a 413 naming the entry.
 */
@QuarkusTest
class CamtrapDpZipBudgetTest {

    private static final int MEGABYTE = 1 << 20;

    /** One entry of a zip written by hand, so that its data can be a raw deflate stream built without deflating it all. */
    private record Entry(String name, byte[] deflated, long crc, long size) {

        static Entry of(String name, byte[] content) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            CRC32 crc = new CRC32();
            crc.update(content);
            return new Entry(name, out.toByteArray(), crc.getValue(), content.length);
        }

        /**
         * {@code megabytes} MB of zeros as a deflate stream of a few bytes per megabyte: one megabyte deflated with a
         * full flush (self-contained and byte-aligned) repeated, then an empty final block. Deflating the whole
         * would take seconds; this takes milliseconds, and the stream is what any zip tool would produce.
         */
        static Entry zeros(String name, int megabytes) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            deflater.setInput(new byte[MEGABYTE]);
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                block.write(buffer, 0, n);
                if (n < buffer.length && deflater.needsInput()) {
                    break;
                }
            }
            deflater.end();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            byte[] one = block.toByteArray();
            CRC32 crc = new CRC32();
            byte[] zero = new byte[MEGABYTE];
            for (int i = 0; i < megabytes; i++) {
                stream.write(one, 0, one.length);
                crc.update(zero);
            }
            stream.write(new byte[] {0x03, 0x00}, 0, 2); // final, fixed Huffman, end of block
            return new Entry(name, stream.toByteArray(), crc.getValue(), (long) megabytes * MEGABYTE);
        }

        Entry declaring(long declaredSize) {
            return new Entry(name, deflated, crc, declaredSize);
        }
    }

    /** A zip (no zip64: every entry under 4 GB) of deflated entries, as ZipOutputStream would lay it out. */
    private static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            ByteBuffer local = le(30 + name.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) 8).putInt(0).putInt((int) e.crc()).putInt(e.deflated().length).putInt((int) e.size())
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.write(local.array(), 0, local.capacity());
            out.write(e.deflated(), 0, e.deflated().length);
            ByteBuffer central = le(46 + name.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                    .putShort((short) 0x0800).putShort((short) 8).putInt(0).putInt((int) e.crc()).putInt(e.deflated().length)
                    .putInt((int) e.size()).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(name);
            directory.write(central.array(), 0, central.capacity());
        }
        int start = out.size();
        out.write(directory.toByteArray(), 0, directory.size());
        ByteBuffer end = le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(directory.size()).putInt(start).putShort((short) 0);
        out.write(end.array(), 0, 22);
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The sample package of CamtrapDpImportTest, entry by entry. */
    private static List<Entry> samplePackage(String deployment) throws IOException {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        byte[] zip = CamtrapDpImportTest.samplePackage(deployment, 35.35, 113.35, at);
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(Entry.of(e.getName(), in.readAllBytes()));
            }
        }
        return entries;
    }

    /** The station token these tests upload with; a package's deployment must be bound to it to be stored. */
    private static final String UPLOADER = "station-" + UUID.randomUUID();

    @Inject
    StationBindings stations;

    private static io.restassured.response.ValidatableResponse upload(byte[] zip) {
        return given().header("Authorization", TestTokens.bearer(Roles.STATION, UPLOADER))
                .contentType("application/zip").queryParam("countyCode", "410821").body(zip)
                .when().post("/imports/camtrap-dp").then();
    }

    @Test
    void a_gigabyte_of_junk_beside_the_package_is_skipped_without_being_unpacked() throws IOException {
        String deployment = "CT-J-" + UUID.randomUUID().toString().substring(0, 6);
        TestStations.bind(stations, deployment, UPLOADER);
        List<Entry> entries = new ArrayList<>(samplePackage(deployment));
        // A gigabyte by its header, and not a valid deflate stream: unpacking it would fail the import, so a 200 with the
        // package's records proves it was never unpacked (without timing anything).
        Entry gigabyte = Entry.zeros("ct-package/junk.bin", 1024);
        byte[] broken = gigabyte.deflated().clone();
        java.util.Arrays.fill(broken, 0, Math.min(64, broken.length), (byte) 0xFF);
        entries.add(1, new Entry(gigabyte.name(), broken, gigabyte.crc(), gigabyte.size()));
        byte[] zip = zip(entries);
        assertTrue(zip.length < 2 * MEGABYTE, "a small upload: " + zip.length + " bytes");

        upload(zip).statusCode(200).body("created", equalTo(2));
    }

    @Test
    void a_package_sent_chunked_is_read_like_one_with_a_content_length() throws Exception {
        String deployment = "CT-C-" + UUID.randomUUID().toString().substring(0, 6);
        TestStations.bind(stations, deployment, UPLOADER);
        byte[] zip = zip(samplePackage(deployment));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/imports/camtrap-dp?countyCode=410821"))
                .header("Content-Type", "application/zip")
                .header("Authorization", TestTokens.bearer(Roles.STATION, UPLOADER))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(zip)))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"created\":2"), response.body());
    }

    @Test
    void a_package_file_unpacking_beyond_the_budget_is_a_413_naming_it() throws IOException {
        List<Entry> entries = new ArrayList<>(samplePackage("CT-B-" + UUID.randomUUID().toString().substring(0, 6)));
        entries.set(3, Entry.zeros("ct-package/observations.csv", 40));
        upload(zip(entries)).statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ct-package/observations.csv"))
                .body("detail", containsString("unpacks to more than"));
    }

    @Test
    void a_package_file_that_declares_less_than_it_unpacks_to_is_counted_as_it_unpacks() throws IOException {
        List<Entry> entries = new ArrayList<>(samplePackage("CT-L-" + UUID.randomUUID().toString().substring(0, 6)));
        entries.set(3, Entry.zeros("ct-package/observations.csv", 40).declaring(1000));
        upload(zip(entries)).statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ct-package/observations.csv"));
    }

    @Test
    void a_package_with_more_entries_than_the_budget_is_a_413() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= 10_000; i++) {
                zip.putNextEntry(new ZipEntry("images/" + i + ".jpg"));
                zip.closeEntry();
            }
        }
        upload(bytes.toByteArray()).statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("detail", containsString("10001 entries"));
    }
}
