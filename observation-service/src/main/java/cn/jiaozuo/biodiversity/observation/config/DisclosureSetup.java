package cn.jiaozuo.biodiversity.observation.config;

import cn.jiaozuo.biodiversity.observation.domain.Disclosure;
import cn.jiaozuo.biodiversity.observation.domain.PublicIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link Disclosure}, keyed with the export pseudonym key (so public ids stay stable as long as that key). */
@ApplicationScoped
public class DisclosureSetup {

    @Produces
    @Singleton
    Disclosure disclosure(ExportConfig exports, DisclosureConfig config) {
        return new Disclosure(new PublicIds(exports.pseudonymSecret()), config.releaseInterval());
    }
}
