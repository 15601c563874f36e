package cn.jiaozuo.biodiversity.observation.domain;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import cn.jiaozuo.biodiversity.observation.repository.SpeciesRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The species catalog held in memory: intake and catalog reads never query the table (stations
 * post thousands of records at once). Reloaded after each species write of this instance (outside
 * its transaction, once committed), and when an unknown id or name is asked for (another instance
 * may have added it), at most once a second.
 */
@ApplicationScoped
public class SpeciesCatalog {

    private static final long MISS_RELOAD_INTERVAL_MS = 1_000;

    private final SpeciesRepository species;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), List.of(), Set.of());
    private volatile long lastReloadAt;

    private record Snapshot(Map<Long, SpeciesSnapshot> byId, Map<String, SpeciesSnapshot> byName,
            List<SpeciesSnapshot> all, Set<Long> sensitiveIds) {
    }

    public SpeciesCatalog(SpeciesRepository species) {
        this.species = species;
    }

    void load(@Observes StartupEvent event) {
        reload();
    }

    public Optional<SpeciesSnapshot> byId(long id) {
        SpeciesSnapshot found = snapshot.byId().get(id);
        if (found == null && reloadAfterMiss()) {
            found = snapshot.byId().get(id);
        }
        return Optional.ofNullable(found);
    }

    public Optional<SpeciesSnapshot> byScientificName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        SpeciesSnapshot found = snapshot.byName().get(key);
        if (found == null && reloadAfterMiss()) {
            found = snapshot.byName().get(key);
        }
        return Optional.ofNullable(found);
    }

    /** The ids of the sensitive species (see {@link Disclosure}). */
    public Set<Long> sensitiveIds() {
        return snapshot.sensitiveIds();
    }

    /** All species ordered by id. */
    public List<SpeciesSnapshot> all() {
        return snapshot.all();
    }

    private boolean reloadAfterMiss() {
        if (System.currentTimeMillis() - lastReloadAt < MISS_RELOAD_INTERVAL_MS) {
            return false;
        }
        reload();
        return true;
    }

    public synchronized void reload() {
        List<SpeciesSnapshot> all = new ArrayList<>(species.snapshots());
        all.sort(Comparator.comparingLong(SpeciesSnapshot::id));
        Map<Long, SpeciesSnapshot> byId = new HashMap<>();
        Map<String, SpeciesSnapshot> byName = new HashMap<>();
        for (SpeciesSnapshot s : all) {
            byId.put(s.id(), s);
            byName.put(s.scientificName().toLowerCase(Locale.ROOT), s);
        }
        snapshot = new Snapshot(Map.copyOf(byId), Map.copyOf(byName), List.copyOf(all),
                all.stream().filter(SpeciesSnapshot::sensitive).map(SpeciesSnapshot::id).collect(Collectors.toUnmodifiableSet()));
        lastReloadAt = System.currentTimeMillis();
    }
}
