package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.problem.Problem.Violation;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.observation.api.ImportReport;
import cn.jiaozuo.biodiversity.observation.api.LocationInput;
import cn.jiaozuo.biodiversity.observation.api.MediaInput;
import cn.jiaozuo.biodiversity.observation.api.ObservationRequest;
import cn.jiaozuo.biodiversity.observation.config.ImportConfig;
import cn.jiaozuo.biodiversity.observation.repository.ObservationRepository;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
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
 * Imports a zipped Camtrap DP 1.0 package: each deployment becomes a station (stationId =
 * deploymentID) at a point that the plot index places in a plot and county; each
 * {@code observationType=animal} row becomes an observation through the same rules, storage and
 * outbox events as {@code POST /observations/batch}. The uuid of an observation is derived from
 * the package id, deploymentID and observationID, so importing a package again stores nothing new.
 * Every row that does not become an observation is reported, never dropped silently.
 */
@ApplicationScoped
public class CamtrapDpImporter {

    static final String DATAPACKAGE = "datapackage.json";
    static final String DEPLOYMENTS = "deployments.csv";
    static final String MEDIA = "media.csv";
    static final String OBSERVATIONS = "observations.csv";
    private static final Set<String> FILES = Set.of(DATAPACKAGE, DEPLOYMENTS, MEDIA, OBSERVATIONS);

    private final ObservationRules rules;
    private final ObservationService service;
    private final PlotIndex plots;
    private final ImportConfig config;
    private final ObjectMapper json;

    public CamtrapDpImporter(ObservationRules rules, ObservationService service, PlotIndex plots, ImportConfig config,
            ObjectMapper json) {
        this.rules = rules;
        this.service = service;
        this.plots = plots;
        this.config = config;
        this.json = json;
    }

    private record Deployment(String id, double lat, double lon, Double uncertainty, String plotCode, String countyCode) {
    }

    private record Pending(int line, ObservationRequest request) {
    }

    /** Reads the package from {@code zip} and imports it for {@code caller}. */
    public ImportReport importPackage(InputStream zip, String countyCode, Caller caller) {
        if (countyCode != null && !cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty.isValid(countyCode)) {
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

        List<ImportReport.RowProblem> errors = new ArrayList<>();
        Map<String, Deployment> deployments = deployments(Csv.parse(files.get(DEPLOYMENTS)), countyCode, errors);
        Map<String, String> mediaUrls = media(Csv.parse(files.get(MEDIA)));
        Csv observations = Csv.parse(files.get(OBSERVATIONS));
        require(observations, OBSERVATIONS, "observationID", "deploymentID", "observationType", "eventStart", "scientificName");

        int skipped = 0;
        int rejected = 0;
        List<Pending> pending = new ArrayList<>();
        for (Csv.Line row : observations.rows()) {
            String type = row.get("observationType");
            if (!"animal".equalsIgnoreCase(type)) {
                skipped++;
                errors.add(new ImportReport.RowProblem(OBSERVATIONS, row.number(), "observationType '" + type
                        + "' is not an animal observation; skipped", "SKIPPED"));
                continue;
            }
            String problem = null;
            String observationId = row.get("observationID");
            Deployment deployment = deployments.get(row.get("deploymentID"));
            OffsetDateTime at = null;
            Integer count = 1; // count may be empty in Camtrap DP: at least one animal was seen
            if (observationId.isEmpty()) {
                problem = "observationID is empty";
            } else if (deployment == null) {
                problem = "deploymentID '" + row.get("deploymentID") + "' is not a usable deployment of deployments.csv";
            } else if (row.get("scientificName").isEmpty()) {
                problem = "scientificName is empty: the animal was not identified";
            } else {
                try {
                    at = OffsetDateTime.parse(row.get("eventStart"));
                } catch (DateTimeParseException e) {
                    problem = "eventStart '" + row.get("eventStart") + "' is not an ISO 8601 date-time with offset";
                }
                if (!row.get("count").isEmpty()) {
                    try {
                        count = Integer.valueOf(row.get("count"));
                    } catch (NumberFormatException e) {
                        problem = "count '" + row.get("count") + "' is not a whole number";
                    }
                }
            }
            if (problem != null) {
                rejected++;
                errors.add(new ImportReport.RowProblem(OBSERVATIONS, row.number(), problem, "REJECTED"));
                continue;
            }
            UUID uuid = UUID.nameUUIDFromBytes(("camtrap-dp:" + packageId + ":" + deployment.id() + ":" + observationId)
                    .getBytes(StandardCharsets.UTF_8));
            String mediaUrl = mediaUrls.get(row.get("mediaID"));
            ObservationRequest request = new ObservationRequest(uuid, null, row.get("scientificName"), count, at,
                    new LocationInput(deployment.lat(), deployment.lon(), deployment.uncertainty(), Datum.WGS84),
                    deployment.plotCode() == null ? deployment.countyCode() : null, ObservationMethod.CAMERA_TRAP,
                    deployment.id(), notes(row), mediaUrl == null ? null : List.of(new MediaInput(mediaUrl, null)));
            pending.add(new Pending(row.number(), request));
        }

        int created = 0;
        int duplicates = 0;
        for (int from = 0; from < pending.size(); from += config.chunkSize()) {
            List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + config.chunkSize()));
            Outcome outcome = store(chunk, caller, errors);
            created += outcome.created;
            duplicates += outcome.duplicates;
            rejected += outcome.rejected;
        }
        errors.sort(java.util.Comparator.comparing(ImportReport.RowProblem::file).thenComparingInt(ImportReport.RowProblem::row));
        List<ImportReport.Deployment> placed = deployments.values().stream()
                .map(d -> new ImportReport.Deployment(d.id(), d.id(), d.plotCode(), d.countyCode())).toList();
        return new ImportReport(created, duplicates, rejected, skipped, placed, errors);
    }

    private record Outcome(int created, int duplicates, int rejected) {
    }

    /** One chunk through the batch path: the rules, one transaction, outbox events. */
    private Outcome store(List<Pending> chunk, Caller caller, List<ImportReport.RowProblem> errors) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<Integer, NewObservation> valid = new HashMap<>();
        Map<Integer, List<Violation>> invalid = new HashMap<>();
        Map<Integer, ObservationRepository.Stored> replayCandidates = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            ObservationRequest request = chunk.get(i).request();
            ObservationRules.Outcome outcome = rules.apply(request, caller, "", now);
            if (outcome.valid()) {
                valid.put(i, outcome.observation());
            } else {
                invalid.put(i, outcome.violations());
                if (outcome.contentHash() != null) {
                    replayCandidates.put(i, new ObservationRepository.Stored(request.uuid(), caller.subject(), outcome.contentHash()));
                }
            }
        }
        Set<Integer> replays = replayCandidates.isEmpty() ? Set.of() : service.storedReplays(replayCandidates);
        ObservationService.BatchOutcome stored = valid.isEmpty()
                ? new ObservationService.BatchOutcome(Map.of(), Map.of(), Map.of()) : service.recordAll(valid);
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        for (int i = 0; i < chunk.size(); i++) {
            if (stored.created().containsKey(i)) {
                created++;
            } else if (stored.duplicates().containsKey(i) || replays.contains(i)) {
                duplicates++;
            } else {
                rejected++;
                String message = invalid.containsKey(i) ? describe(invalid.get(i), chunk.get(i).request())
                        : "observationID was already imported with other content or by another caller";
                errors.add(new ImportReport.RowProblem(OBSERVATIONS, chunk.get(i).line(), message, "REJECTED"));
            }
        }
        return new Outcome(created, duplicates, rejected);
    }

    /** Intake's violations in the package's own column names. */
    private static String describe(List<Violation> violations, ObservationRequest request) {
        return violations.stream().map(v -> switch (v.field()) {
            case "scientificName" -> "scientificName '" + request.scientificName() + "' " + v.message();
            case "observedAt" -> "eventStart " + v.message();
            case "countyCode" -> "no sampling plot contains the deployment; give the countyCode query parameter";
            case "location" -> "the deployment's latitude/longitude " + v.message();
            case "location.accuracyM" -> "the deployment's coordinateUncertainty " + v.message();
            case "stationId" -> "deploymentID " + v.message();
            case "notes" -> "lifeStage/sex/behavior/classificationMethod " + v.message();
            default -> v.field() + " " + v.message();
        }).collect(Collectors.joining("; "));
    }

    /** What intake has no field for goes into the notes, so it is kept and published. */
    private static String notes(Csv.Line row) {
        StringBuilder notes = new StringBuilder("Camtrap DP observationID=").append(row.get("observationID"));
        for (String column : List.of("lifeStage", "sex", "behavior", "classificationMethod", "classifiedBy",
                "classificationProbability", "observationComments")) {
            if (!row.get(column).isEmpty()) {
                notes.append("; ").append(column).append('=').append(row.get(column));
            }
        }
        return notes.toString();
    }

    private Map<String, Deployment> deployments(Csv csv, String countyCode, List<ImportReport.RowProblem> errors) {
        require(csv, DEPLOYMENTS, "deploymentID", "latitude", "longitude");
        Map<String, Deployment> deployments = new LinkedHashMap<>();
        for (Csv.Line row : csv.rows()) {
            String id = row.get("deploymentID");
            try {
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("deploymentID is empty");
                }
                double lat = finite(row.get("latitude"));
                double lon = finite(row.get("longitude"));
                Double uncertainty = row.get("coordinateUncertainty").isEmpty() ? null
                        : finite(row.get("coordinateUncertainty"));
                Optional<PlotIndex.PlotMatch> plot = Double.isFinite(lat) && Double.isFinite(lon) ? plots.locate(lat, lon)
                        : Optional.empty();
                deployments.put(id, new Deployment(id, lat, lon, uncertainty, plot.map(PlotIndex.PlotMatch::code).orElse(null),
                        plot.map(PlotIndex.PlotMatch::countyCode).orElse(countyCode)));
            } catch (NumberFormatException e) {
                errors.add(new ImportReport.RowProblem(DEPLOYMENTS, row.number(),
                        "latitude, longitude and coordinateUncertainty must be finite decimal numbers", "REJECTED"));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportReport.RowProblem(DEPLOYMENTS, row.number(), e.getMessage(), "REJECTED"));
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
