package cn.jiaozuo.biodiversity.alert.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** People type /console without the slash; the static handler only serves the directory's index at /console/. */
@Singleton
public class ConsoleRedirect {

    void addRoute(@Observes Router router) {
        // A regex, because a plain "/console" route would also match "/console/" and shadow the page.
        router.getWithRegex("/console").handler(rc -> rc.redirect("/console/"));
    }
}
