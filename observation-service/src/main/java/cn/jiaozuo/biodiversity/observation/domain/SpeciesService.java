package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.problem.ProblemException;
import cn.jiaozuo.biodiversity.observation.api.SpeciesRequest;
import cn.jiaozuo.biodiversity.observation.repository.SpeciesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Catalog writes (admin). Callers reload {@link SpeciesCatalog} after these methods return, i.e.
 * once the transaction has committed.
 */
@ApplicationScoped
public class SpeciesService {

    private final SpeciesRepository species;

    public SpeciesService(SpeciesRepository species) {
        this.species = species;
    }

    @Transactional
    public Species create(SpeciesRequest request) {
        refuseClashes(request, null);
        Species s = new Species();
        s.id = request.id() != null ? request.id() : species.nextId();
        apply(s, request);
        species.persist(s);
        flushOrConflict();
        return s;
    }

    @Transactional
    public Species update(long id, SpeciesRequest request) {
        if (request.id() != null && request.id() != id) {
            throw ProblemException.badRequest("id", "must match the id in the path");
        }
        Species s = species.findById(id);
        if (s == null) {
            throw ProblemException.notFound("No species " + id);
        }
        refuseClashes(request, id);
        apply(s, request);
        flushOrConflict();
        return s;
    }

    private void refuseClashes(SpeciesRequest request, Long exceptId) {
        List<Species> clashes = species.clashes(exceptId == null ? request.id() : null, request.scientificName().trim(),
                request.chineseName().trim(), exceptId);
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

    private static void apply(Species s, SpeciesRequest r) {
        s.scientificName = r.scientificName().trim();
        s.chineseName = r.chineseName().trim();
        s.englishName = r.englishName() == null ? null : r.englishName().trim();
        s.group = r.group();
        s.protectionLevel = r.protectionLevel();
        s.invasive = Boolean.TRUE.equals(r.invasive());
        s.sensitive = Boolean.TRUE.equals(r.sensitive());
        s.updatedAt = Instant.now();
    }
}
