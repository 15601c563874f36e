package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.geo.JiaozuoArea;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import cn.jiaozuo.biodiversity.observation.config.ImportConfig;
import cn.jiaozuo.biodiversity.observation.domain.ImportResult.Outcome;
import cn.jiaozuo.biodiversity.observation.domain.ImportResult.RowProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports a zipped Camtrap DP 1.0 package: each deployment in Jiaozuo becomes a station (stationId =
 * deploymentID) at a point that the plot index places in a plot and county; the animals become
 * observations through the same rules, storage and outbox events as {@code POST /observations/batch},
 * each animal counted once: an event-level {@code observationType=animal} row is one observation; the
 * media-level rows of an event without an event-level classification make one observation per species
 * (the most animals one row shows), and those of an event classified at event level are skipped. The
 * uuid of an observation is derived from the package id, deploymentID and observationID (media-level:
 * eventID and species), so importing a package again stores nothing new. Every row that does not
 * become an observation of its own is reported or counted, never dropped silently.
 */
@ApplicationScoped
public class CamtrapDpImporter {

    static final String DATAPACKAGE = "datapackage.json";
    static final String DEPLOYMENTS = "deployments.csv";
    static final String MEDIA = "media.csv";
    static final String OBSERVATIONS = "observations.csv";
    private static final Set<String> FILES = Set.of(DATAPACKAGE, DEPLOYMENTS, MEDIA, OBSERVATIONS);
    private static final String EVENT = "event";
    private static final String MEDIA_LEVEL = "media";

    private final ObservationService service;
    private final PlotIndex plots;
    private final CountyOutlines counties;
    private final ImportConfig config;
    private final ObjectMapper json;

    public CamtrapDpImporter(ObservationService service, PlotIndex plots, CountyOutlines counties, ImportConfig config,
            ObjectMapper json) {
        this.service = service;
        this.plots = plots;
        this.counties = counties;
        this.config = config;
        this.json = json;
    }

    /**
     * @param givenCounty the countyCode query parameter, which the records carry when no plot holds the deployment
     * @param countyCode  the county reported for the deployment: its plot's, else the given one, else its county outline's
     */
    private record Deployment(String id, double lat, double lon, Double uncertainty, String plotCode, String givenCounty,
            String countyCode) {
    }

    /** A record to store; {@code context} is added to its row's message should it be rejected. */
    private record Pending(int line, RecordObservation command, String context) {
    }

    private record Candidate(Csv.Line row, Deployment deployment, OffsetDateTime at, int count) {
    }

    /** Reads the package from {@code zip} and imports it for {@code caller}. */
    public ImportResult importPackage(InputStream zip, String countyCode, Caller caller) {
        if (countyCode != null && !JiaozuoCounty.isValid(countyCode)) {
            throw ProblemException.badRequest("countyCode", "must be the GB/T 2260 code of one of Jiaozuo's 10 county-level divisions");
        }
        Map<String, byte[]> files = unzip(zip);
        for (String name : List.of(DATAPACKAGE, DEPLOYMENTS, MEDIA, OBSERVATIONS)) {
            if (!files.containsKey(name)) {
                throw ProblemException.badRequest(name, "is missing from the package; a Camtrap DP package holds "
                        + "datapackage.json, deployments.csv, media.csv and observations.csv");
            }
        }
        String packageId;
        try {
            JsonNode descriptor = json.readTree(files.get(DATAPACKAGE));
            if (descriptor == null || !descriptor.isObject()) {
                throw new IOException("not an object");
            }
            packageId = descriptor.path("id").asText(descriptor.path("name").asText(""));
        } catch (IOException e) {
            throw ProblemException.badRequest(DATAPACKAGE, "is not a JSON object (a Data Package descriptor)");
        }

        List<RowProblem> errors = new ArrayList<>();
        Map<String, Integer> unusable = new HashMap<>();
        Map<String, Deployment> deployments = deployments(Csv.parse(files.get(DEPLOYMENTS)), countyCode, unusable, errors);
        Map<String, String> mediaUrls = media(Csv.parse(files.get(MEDIA)));
        Csv observations = Csv.parse(files.get(OBSERVATIONS));
        require(observations, OBSERVATIONS, "observationID", "deploymentID", "observationType", "eventStart", "scientificName");

        // Camtrap DP 1.0: event-level rows are mutually exclusive (their counts add up), media-level rows need not be
        // (several classifications of one photo, the same animal in every photo of a sequence). An event classified at
        // event level is taken from those rows alone; "unclassified" there means nobody classified it yet.
        Set<String> classifiedEvents = new HashSet<>();
        for (Csv.Line row : observations.rows()) {
            if (EVENT.equalsIgnoreCase(row.get("observationLevel")) && !row.get("eventID").isEmpty()
                    && !"unclassified".equalsIgnoreCase(row.get("observationType"))) {
                classifiedEvents.add(row.get("deploymentID") + '\n' + row.get("eventID"));
            }
        }

        int skipped = 0;
        int rejected = 0;
        List<Pending> pending = new ArrayList<>();
        Map<String, List<Candidate>> mediaGroups = new LinkedHashMap<>();
        for (Csv.Line row : observations.rows()) {
            String type = row.get("observationType");
            String level = row.get("observationLevel").toLowerCase(Locale.ROOT);
            if (!"animal".equalsIgnoreCase(type)) {
                skipped++;
                errors.add(new RowProblem(OBSERVATIONS, row.number(), "observationType '" + type
                        + "' is not an animal observation; skipped", Outcome.SKIPPED));
                continue;
            }
            boolean mediaLevel = MEDIA_LEVEL.equals(level);
            if (mediaLevel && classifiedEvents.contains(row.get("deploymentID") + '\n' + row.get("eventID"))) {
                skipped++;
                errors.add(new RowProblem(OBSERVATIONS, row.number(), "media-level row of an event classified"
                        + " at event level (eventID '" + row.get("eventID") + "'): the event-level rows count its animals;"
                        + " skipped", Outcome.SKIPPED));
                continue;
            }
            String problem = null;
            String observationId = row.get("observationID");
            String deploymentId = row.get("deploymentID");
            Deployment deployment = deployments.get(deploymentId);
            OffsetDateTime at = null;
            int count = 1; // count may be empty in Camtrap DP: at least one animal was seen
            if (!level.isEmpty() && !mediaLevel && !EVENT.equals(level)) {
                problem = "observationLevel '" + row.get("observationLevel") + "' is neither event nor media";
            } else if (observationId.isEmpty()) {
                problem = "observationID is empty";
            } else if (deployment == null) {
                problem = unusable.containsKey(deploymentId)
                        ? "deployment '" + deploymentId + "' is not usable: see deployments.csv row " + unusable.get(deploymentId)
                        : "deploymentID '" + deploymentId + "' is not in deployments.csv";
            } else if (row.get("scientificName").isEmpty()) {
                problem = "scientificName is empty: the animal was not identified";
            } else if (mediaLevel && row.get("eventID").isEmpty() && row.get("mediaID").isEmpty()) {
                problem = "a media-level row needs its eventID or mediaID, to be counted once per event";
            } else {
                try {
                    at = OffsetDateTime.parse(row.get("eventStart"));
                } catch (DateTimeParseException e) {
                    problem = "eventStart '" + row.get("eventStart") + "' is not an ISO 8601 date-time with offset";
                }
                if (!row.get("count").isEmpty()) {
                    try {
                        count = Integer.parseInt(row.get("count"));
                        if (count < 1) {
                            problem = "count must be at least 1";
                        }
                    } catch (NumberFormatException e) {
                        problem = "count '" + row.get("count") + "' is not a whole number";
                    }
                }
            }
            if (problem != null) {
                rejected++;
                errors.add(new RowProblem(OBSERVATIONS, row.number(), problem, Outcome.REJECTED));
            } else if (mediaLevel) {
                mediaGroups.computeIfAbsent(deploymentId + '\n' + mediaEvent(row) + '\n' + row.get("scientificName"),
                        k -> new ArrayList<>()).add(new Candidate(row, deployment, at, count));
            } else {
                pending.add(new Pending(row.number(), command(packageId, observationId, row, deployment, at, count, mediaUrls), ""));
            }
        }

        // Media-level rows without an event-level classification: one record per event and species, counting the
        // most animals any one row shows (a minimum number of individuals), at the event's first photo.
        int combined = 0;
        for (List<Candidate> group : mediaGroups.values()) {
            Candidate most = group.get(0);
            OffsetDateTime first = most.at();
            for (Candidate c : group) {
                most = c.count() > most.count() ? c : most;
                first = c.at().isBefore(first) ? c.at() : first;
            }
            combined += group.size() - 1;
            String event = mediaEvent(most.row());
            String key = event + ":" + most.row().get("scientificName");
            String context = group.size() == 1 ? "" : " (this row stands for " + group.size() + " media-level rows of "
                    + event.replaceFirst(":", " '") + "')";
            pending.add(new Pending(most.row().number(),
                    command(packageId, key, most.row(), most.deployment(), first, most.count(), mediaUrls), context));
        }

        int created = 0;
        int duplicates = 0;
        for (int from = 0; from < pending.size(); from += config.chunkSize()) {
            List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + config.chunkSize()));
            Counts counts = store(chunk, caller, errors);
            created += counts.created();
            duplicates += counts.duplicates();
            rejected += counts.rejected();
        }
        errors.sort(Comparator.comparing(RowProblem::file).thenComparingInt(RowProblem::row));
        List<ImportResult.PlacedDeployment> placed = deployments.values().stream()
                .map(d -> new ImportResult.PlacedDeployment(d.id(), d.id(), d.plotCode(), d.countyCode())).toList();
        return new ImportResult(created, duplicates, rejected, skipped, combined, placed, errors);
    }

    /** The event a media-level row belongs to: its eventID, else (no event given) its own photo. */
    private static String mediaEvent(Csv.Line row) {
        return row.get("eventID").isEmpty() ? "mediaID:" + row.get("mediaID") : "eventID:" + row.get("eventID");
    }

    /** The intake command for a row; {@code key} names the record within the package and deployment. */
    private static RecordObservation command(String packageId, String key, Csv.Line row, Deployment deployment,
            OffsetDateTime at, int count, Map<String, String> mediaUrls) {
        UUID uuid = UUID.nameUUIDFromBytes(("camtrap-dp:" + packageId + ":" + deployment.id() + ":" + key)
                .getBytes(StandardCharsets.UTF_8));
        String mediaUrl = mediaUrls.get(row.get("mediaID"));
        return new RecordObservation(uuid, null, row.get("scientificName"), count, at,
                new RecordObservation.Location(deployment.lat(), deployment.lon(), deployment.uncertainty(), Datum.WGS84),
                deployment.plotCode() == null ? deployment.givenCounty() : null, ObservationMethod.CAMERA_TRAP,
                deployment.id(), notes(row), mediaUrl == null ? null : List.of(new MediaRef(mediaUrl, null)));
    }

    private record Counts(int created, int duplicates, int rejected) {
    }

    /** One chunk through the batch path ({@link ObservationService#recordAll}): the rules, one transaction, outbox events. */
    private Counts store(List<Pending> chunk, Caller caller, List<RowProblem> errors) {
        List<ObservationService.ItemResult> results = service.recordAll(chunk.stream().map(Pending::command).toList(), caller);
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        for (int i = 0; i < chunk.size(); i++) {
            switch (results.get(i).status()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> {
                    rejected++;
                    errors.add(new RowProblem(OBSERVATIONS, chunk.get(i).line(),
                            describe(results.get(i).violations(), chunk.get(i).command()) + chunk.get(i).context(),
                            Outcome.REJECTED));
                }
            }
        }
        return new Counts(created, duplicates, rejected);
    }

    /** Intake's violations in the package's own column names. */
    private static String describe(List<Violation> violations, RecordObservation command) {
        return violations.stream().map(v -> switch (v.field()) {
            case "uuid" -> "observationID was already imported with other content or by another caller";
            case "scientificName" -> "scientificName '" + command.scientificName() + "' " + v.message();
            case "observedAt" -> "eventStart " + v.message();
            case "countyCode" -> "no sampling plot and no single county outline contains the deployment; give the countyCode"
                    + " query parameter";
            case "location" -> "the deployment's latitude/longitude " + v.message();
            case "location.accuracyM" -> "the deployment's coordinateUncertainty " + v.message();
            case "stationId" -> "deploymentID " + v.message();
            case "notes" -> "lifeStage/sex/behavior/classificationMethod " + v.message();
            default -> v.field() + " " + v.message();
        }).collect(Collectors.joining("; "));
    }

    /**
     * What intake has no field for goes into the notes, so it is kept and published. Not the observationID or
     * deploymentID: ids of the package would tie a record to the others of its camera (the uuid already derives from
     * them, and stationId holds the deployment where it may be shown).
     */
    private static String notes(Csv.Line row) {
        StringBuilder notes = new StringBuilder();
        for (String column : List.of("lifeStage", "sex", "behavior", "classificationMethod", "classifiedBy",
                "classificationProbability", "observationComments")) {
            if (!row.get(column).isEmpty()) {
                notes.append(notes.isEmpty() ? "" : "; ").append(column).append('=').append(row.get(column));
            }
        }
        return notes.isEmpty() ? null : notes.toString();
    }

    /**
     * The usable deployments by id; each unusable one is reported once on its deployments.csv row and put in
     * {@code unusable} (id → that row) so that its observation rows can point there.
     */
    private Map<String, Deployment> deployments(Csv csv, String countyCode, Map<String, Integer> unusable,
            List<RowProblem> errors) {
        require(csv, DEPLOYMENTS, "deploymentID", "latitude", "longitude");
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (Csv.Line row : csv.rows()) {
            String id = row.get("deploymentID");
            String problem = null;
            if (id.isEmpty()) {
                problem = "deploymentID is empty";
            } else {
                try {
                    double lat = finite(row.get("latitude"));
                    double lon = finite(row.get("longitude"));
                    Double uncertainty = row.get("coordinateUncertainty").isEmpty() ? null
                            : finite(row.get("coordinateUncertainty"));
                    if (JiaozuoArea.contains(lat, lon)) {
                        Optional<PlotIndex.PlotMatch> plot = plots.locate(lat, lon);
                        // As intake derives it (ObservationRules): plot, else the given county, else the one outline.
                        String county = plot.map(PlotIndex.PlotMatch::countyCode)
                                .orElseGet(() -> countyCode != null ? countyCode : counties.countyOf(lat, lon).orElse(null));
                        deployments.put(id, new Deployment(id, lat, lon, uncertainty, plot.map(PlotIndex.PlotMatch::code).orElse(null),
                                countyCode, county));
                    } else {
                        // Like intake, the message never repeats the point.
                        problem = "deployment '" + id + "': latitude/longitude " + JiaozuoArea.outsideMessage(lat, lon);
                    }
                } catch (NumberFormatException e) {
                    problem = "deployment '" + id + "': latitude, longitude and coordinateUncertainty must be finite decimal numbers";
                }
            }
            if (problem != null) {
                unusable.putIfAbsent(id, row.number());
                errors.add(new RowProblem(DEPLOYMENTS, row.number(), problem, Outcome.REJECTED));
            }
        }
        return deployments;
    }

    /** A decimal number; Java would also read "NaN", "Infinity" and 1e309 (overflowing to Infinity) as doubles. */
    private static double finite(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not finite: " + text);
        }
        return value;
    }

    /** mediaID → filePath, only where it is an http(s) URL (intake stores links, not files). */
    private static Map<String, String> media(Csv csv) {
        require(csv, MEDIA, "mediaID", "deploymentID", "timestamp", "filePath");
        Map<String, String> urls = new HashMap<>();
        for (Csv.Line row : csv.rows()) {
            String path = row.get("filePath");
            if (path.matches("https?://\\S{1,490}")) {
                urls.put(row.get("mediaID"), path);
            }
        }
        return urls;
    }

    private static void require(Csv csv, String file, String... columns) {
        List<Violation> missing = new ArrayList<>();
        for (String column : columns) {
            if (!csv.header().contains(column)) {
                missing.add(new Violation(file, "lacks the column " + column));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest(missing);
        }
    }

    /**
     * The package's files by name (without folders: zipping a folder puts them in one), within the budget. The zip is
     * read through its central directory, so an entry the import has no use for is skipped without being unpacked (a
     * small upload can hold gigabytes of compressible junk); each file read is counted as it unpacks, whatever size
     * the archive declares for it.
     */
    private Map<String, byte[]> unzip(InputStream body) {
        Path copy = null;
        try {
            copy = Files.createTempFile("camtrap-dp-", ".zip");
            Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile zip = new ZipFile(copy.toFile(), StandardCharsets.UTF_8)) {
                return read(zip);
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw ProblemException.badRequest("body", "is not a readable zip archive");
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "could not be read as a zip archive");
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // the temporary directory is emptied when the pod restarts
                }
            }
        }
    }

    private Map<String, byte[]> read(ZipFile zip) throws IOException {
        if (zip.size() == 0) {
            throw ProblemException.badRequest("body", "is not a zip archive (no entries found)");
        }
        if (zip.size() > config.maxEntries()) {
            throw new ProblemException(413, "The package holds " + zip.size() + " entries; at most " + config.maxEntries()
                    + " are read", List.of(new Violation("body", "holds more than " + config.maxEntries() + " entries")));
        }
        long limit = config.maxUnpackedSize().asLongValue();
        long left = limit;
        Map<String, byte[]> files = new HashMap<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (entry.isDirectory() || name.isEmpty() || !FILES.contains(name) || files.containsKey(name)) {
                continue; // never unpacked
            }
            if (entry.getSize() > left) {
                throw unpacksTooLarge(entry, limit);
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = zip.getInputStream(entry)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    left -= n;
                    if (left < 0) {
                        throw unpacksTooLarge(entry, limit);
                    }
                    content.write(buffer, 0, n);
                }
            }
            files.put(name, content.toByteArray());
        }
        return files;
    }

    private static ProblemException unpacksTooLarge(ZipEntry entry, long limit) {
        return new ProblemException(413, "The package unpacks to more than " + limit + " bytes; split it into several"
                + " packages", List.of(new Violation(entry.getName(), "unpacks beyond the package's budget of " + limit
                + " bytes for datapackage.json and the three CSV files together")));
    }
}
