package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.observation.repository.SpeciesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Catalog writes (admin). Callers reload {@link SpeciesCatalog} after these methods return, i.e.
 * once the transaction has committed. Every write publishes the species as it now is ({@code SpeciesUpserted}) in
 * its transaction.
 */
@ApplicationScoped
public class SpeciesService {

    private final SpeciesRepository species;
    private final SpeciesEvents events;

    public SpeciesService(SpeciesRepository species, SpeciesEvents events) {
        this.species = species;
        this.events = events;
    }

    /** Adds a species; returns it as stored. */
    @Transactional
    public SpeciesSnapshot create(SpeciesEntry entry) {
        refuseClashes(entry, null);
        Species s = new Species();
        s.id = entry.id() != null ? entry.id() : species.nextId();
        apply(s, entry);
        species.persist(s);
        flushOrConflict();
        return published(s);
    }

    /** Replaces every field of species {@code id}; returns it as stored. */
    @Transactional
    public SpeciesSnapshot update(long id, SpeciesEntry entry) {
        if (entry.id() != null && entry.id() != id) {
            throw ProblemException.badRequest("id", "must match the id in the path");
        }
        Species s = species.findById(id);
        if (s == null) {
            throw ProblemException.notFound("No species " + id);
        }
        refuseClashes(entry, id);
        apply(s, entry);
        flushOrConflict();
        return published(s);
    }

    /** Writes the species' event and marks its state published, in the caller's transaction. */
    private SpeciesSnapshot published(Species s) {
        SpeciesSnapshot snapshot = s.snapshot();
        s.publishedUpdatedAt = s.updatedAt;
        events.upserted(snapshot);
        return snapshot;
    }

    private void refuseClashes(SpeciesEntry entry, Long exceptId) {
        List<Species> clashes = species.clashes(exceptId == null ? entry.id() : null, entry.scientificName().trim(),
                entry.chineseName().trim(), exceptId);
        if (!clashes.isEmpty()) {
            Species other = clashes.get(0);
            throw ProblemException.conflict("Species " + other.id + " (" + other.scientificName + ", " + other.chineseName
                    + ") already has this id or name");
        }
    }

    /** A concurrent insert of the same name slips past the check; the unique index still refuses it. */
    private void flushOrConflict() {
        try {
            species.flush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("A species with this id or name already exists");
        }
    }

    private static void apply(Species s, SpeciesEntry r) {
        s.scientificName = r.scientificName().trim();
        s.chineseName = r.chineseName().trim();
        s.englishName = r.englishName() == null ? null : r.englishName().trim();
        s.group = r.group();
        s.protectionLevel = r.protectionLevel();
        s.invasive = r.invasive();
        s.sensitive = r.sensitive();
        // PostgreSQL keeps microseconds: the stored value then equals the one publishedUpdatedAt is compared with.
        s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
