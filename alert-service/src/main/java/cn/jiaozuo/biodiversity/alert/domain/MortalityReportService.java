package cn.jiaozuo.biodiversity.alert.domain;

import cn.jiaozuo.biodiversity.alert.repository.KnownSpeciesRepository;
import cn.jiaozuo.biodiversity.alert.repository.KnownSpeciesRepository.KnownSpecies;
import cn.jiaozuo.biodiversity.alert.repository.MortalityReportRepository;
import cn.jiaozuo.biodiversity.alert.repository.MortalityReportSearch;
import cn.jiaozuo.biodiversity.alert.repository.MortalitySampleRepository;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Wildlife disease surveillance (docs/biosecurity.md): mortality reports (idempotent on the client's uuid), their
 * samples and results. A report and the alerts it raises or changes ({@link DiseaseAlerts}) commit together; the
 * cluster rule runs under one lock, so two reports of a cluster posted at once raise one alert.
 */
@ApplicationScoped
public class MortalityReportService {

    /** A report with its samples (oldest sent first). */
    public record Detail(MortalityReport report, List<MortalitySample> samples) {
    }

    /** The result of recording: the report afterwards, and whether the request was a replay. */
    public record Recorded(Detail detail, boolean replay) {
    }

    /** One page of a listing; {@code more} when rows follow the last one. */
    public record Listing(List<MortalityReport> reports, boolean more) {
    }

    private final MortalityReportRepository reports;
    private final MortalitySampleRepository samples;
    private final KnownSpeciesRepository species;
    private final DiseaseAlerts alerts;

    public MortalityReportService(MortalityReportRepository reports, MortalitySampleRepository samples,
            KnownSpeciesRepository species, DiseaseAlerts alerts) {
        this.reports = reports;
        this.samples = samples;
        this.species = species;
        this.alerts = alerts;
    }

    @Transactional
    public Recorded report(NewMortalityReport command, Caller caller) {
        // Taken before the uuid check too: a retry racing its original waits and then finds it (a replay, not a 500).
        reports.lockClusterRule();
        MortalityReport existing = reports.findById(command.id());
        if (existing != null) {
            if (!existing.sameAs(command, caller.subject())) {
                throw ProblemException.conflict("A different mortality report was recorded under uuid " + command.id());
            }
            return new Recorded(detail(existing), true);
        }
        KnownSpecies known = command.speciesId() == null ? null : species.find(command.speciesId()).orElse(null);
        AnimalGroup group = command.group() != null ? command.group()
                : known != null ? AnimalGroup.ofSpeciesGroup(known.group()) : null;
        if (group == null) {
            throw ProblemException.badRequest("group", command.speciesId() == null
                    ? "is required without speciesId"
                    : "is required: speciesId names no species this service knows yet");
        }
        MortalityReport r = new MortalityReport();
        r.id = command.id();
        r.speciesId = command.speciesId();
        r.scientificName = known == null ? null : known.scientificName();
        r.chineseName = known == null ? null : known.chineseName();
        r.animalGroup = group;
        r.requestedGroup = command.group();
        // A species id this service does not know may be a sensitive one: fail closed, as ENFORCEMENT alerts do.
        r.sensitive = command.speciesId() != null && (known == null || known.sensitive());
        r.protectedSpecies = known != null && known.protectedSpecies();
        r.deadCount = command.deadCount();
        r.sickCount = command.sickCount();
        r.lat = command.lat();
        r.lon = command.lon();
        r.accuracyM = command.accuracyM();
        r.countyCode = command.countyCode();
        r.observedAt = command.observedAt();
        r.symptoms = command.symptoms();
        r.samplesTaken = command.samplesTaken();
        r.reporter = caller.subject();
        r.stationId = command.stationId();
        r.recordedAt = now();
        r.placeInLists();
        reports.persist(r);
        reports.flush(); // the alerts below reference the row
        alerts.reported(r);
        return new Recorded(detail(r), false);
    }

    @Transactional
    public Listing list(MortalityReportSearch search) {
        List<MortalityReport> found = reports.search(search);
        boolean more = found.size() > search.limit();
        return new Listing(more ? found.subList(0, search.limit()) : found, more);
    }

    @Transactional
    public Detail find(UUID id, Caller caller) {
        return detail(shown(id, caller, false));
    }

    /** A sample sent to a lab: PENDING. The same sample again is a replay; another lab or time under its id a 409. */
    @Transactional
    public Recorded addSample(UUID reportId, String sampleId, String lab, Instant sentAt, Caller caller) {
        MortalityReport r = shown(reportId, caller, true);
        MortalitySample existing = samples.findById(new MortalitySample.Key(r.id, sampleId));
        if (existing != null) {
            if (!existing.lab.equals(lab) || !existing.sentAt.equals(sentAt)) {
                throw ProblemException.conflict("Sample " + sampleId + " of report " + reportId
                        + " was recorded with another lab or time");
            }
            return new Recorded(detail(r), true);
        }
        MortalitySample s = new MortalitySample();
        s.reportId = r.id;
        s.sampleId = sampleId;
        s.lab = lab;
        s.sentAt = sentAt;
        s.result = SampleResult.PENDING;
        s.recordedBy = caller.subject();
        s.updatedBy = caller.subject();
        s.updatedAt = now();
        samples.persist(s);
        r.samplesTaken = true;
        return new Recorded(detail(r), false);
    }

    /**
     * A lab result. NEGATIVE and POSITIVE are final: the same result again is a replay, another one a 409. POSITIVE
     * escalates the report's alerts ({@link DiseaseAlerts#positive}).
     */
    @Transactional
    public Recorded result(UUID reportId, String sampleId, SampleResult result, String pathogen, LocalDate resultDate,
            Caller caller) {
        reports.lockClusterRule(); // a positive result and a report joining the cluster change the same alert
        MortalityReport r = shown(reportId, caller, true);
        MortalitySample s = samples.findById(new MortalitySample.Key(r.id, sampleId));
        if (s == null) {
            throw ProblemException.notFound("No sample " + sampleId + " of mortality report " + reportId);
        }
        if (s.result != SampleResult.PENDING) {
            if (s.result == result && Objects.equals(s.pathogen, pathogen) && Objects.equals(s.resultDate, resultDate)) {
                return new Recorded(detail(r), true);
            }
            throw ProblemException.conflict("Sample " + sampleId + " already has its result " + s.result
                    + "; results are final");
        }
        if (result == SampleResult.PENDING) {
            return new Recorded(detail(r), true);
        }
        s.result = result;
        s.pathogen = pathogen;
        s.resultDate = resultDate;
        s.updatedBy = caller.subject();
        s.updatedAt = now();
        if (result == SampleResult.POSITIVE) {
            alerts.positive(r, s, caller.subject());
        }
        return new Recorded(detail(r), false);
    }

    /**
     * The report under an id as the caller is shown it: its public id, or its stored uuid for those who see it exactly.
     * Others get a 404 for the stored uuid of a generalized report, as if it did not exist: answering would confirm a
     * guessed time-based uuid.
     */
    private MortalityReport shown(UUID id, Caller caller, boolean forUpdate) {
        return reports.findByShownId(id, forUpdate)
                .filter(r -> r.publicId.equals(id) || r.exactFor(caller))
                .orElseThrow(() -> notFound(id));
    }

    private Detail detail(MortalityReport r) {
        return new Detail(r, samples.ofReport(r.id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No mortality report " + id);
    }
}
