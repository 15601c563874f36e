package cn.jiaozuo.biodiversity.observation.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Camtrap DP import limits (the upload itself is capped by biodiversity.http.large-body-paths). */
@ConfigMapping(prefix = "biodiversity.imports")
public interface ImportConfig {

    /**
     * Largest total size of the unpacked files the import reads (datapackage.json and the three CSVs; other entries
     * are never unpacked): a small zip may unpack to gigabytes, and the CSVs are parsed in memory (a few times their
     * size) on a 256 MB heap. Split a larger season's package.
     */
    @WithDefault("32M")
    MemorySize maxUnpackedSize();

    /** Most entries (files and folders) a package may hold; reading its directory costs memory per entry. */
    @WithDefault("10000")
    int maxEntries();

    /** Observations stored per transaction. */
    @WithDefault("1000")
    int chunkSize();
}
