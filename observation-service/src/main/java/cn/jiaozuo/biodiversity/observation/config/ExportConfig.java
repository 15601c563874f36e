package cn.jiaozuo.biodiversity.observation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Exports (GeoJSON, CSV, Darwin Core Archive): page sizes and the dataset metadata GBIF shows. */
@ConfigMapping(prefix = "biodiversity.exports")
public interface ExportConfig {

    /** Features per {@code GET /observations.geojson} when no limit is given. */
    @WithDefault("1000")
    int defaultFeatureLimit();

    /** Largest {@code limit} of {@code GET /observations.geojson} and {@code GET /observations.csv}. */
    @WithDefault("10000")
    int maxFeatureLimit();

    /**
     * Exports streaming at once (each holds a database connection for its whole download); more get
     * 503 with Retry-After. Well below the connection pool, so intake always finds connections.
     */
    @WithDefault("4")
    int maxConcurrentStreams();

    /** Key of the HMAC that turns token subjects into the pseudonymous {@code recordedBy} of a DwC-A. */
    String pseudonymSecret();

    Dataset dataset();

    /** What eml.xml says about the dataset. */
    interface Dataset {
        @WithDefault("焦作市生物多样性监测网络物种观测记录 (Jiaozuo biodiversity monitoring network: species occurrences)")
        String title();

        @WithDefault("焦作市林业局 (Jiaozuo Forestry Bureau)")
        String publisher();

        @WithDefault("焦作市生物多样性监测中心 (Jiaozuo biodiversity monitoring centre)")
        String contactName();

        @WithDefault("biodiversity@jiaozuo.gov.cn")
        String contactEmail();

        @WithDefault("http://creativecommons.org/licenses/by/4.0/legalcode")
        String licenceUrl();

        @WithDefault("Creative Commons Attribution (CC-BY) 4.0 License")
        String licenceName();
    }
}
