package org.frontline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.frontline.settings.FrontlineSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rules for heavy requests: which paths share a pool of permits, and which setting bounds each request's time.
 * <ul>
 *   <li>analyses and briefing exports (HTML, PDF): two per core at once (four at least), each within
 *       {@code frontline.request-budget};
 *   <li>layer exports ({@code /api/export/**}: GeoJSON, CSV, GeoPackage, KML, shapefile): one per core (two at least),
 *       each within {@code frontline.export-budget} — a 1M-event GeoPackage takes about a minute, so the two pools
 *       are apart and long exports never starve analyses, nor analyses exports.
 * </ul>
 * A request that finds its pool full waits up to 3 s and then gets 503 with Retry-After instead of joining a queue
 * that grows without bound; over its budget it is stopped ({@link RequestBudget}) and answered the same 503. The
 * map, the OGC items, the API reads and writes are not limited.
 */
@Configuration
class HeavyWorkLimit implements WebMvcConfigurer {
    static final String[] ANALYSIS_PATHS = {"/api/analysis/**", "/briefings/*/export.*"};
    static final String[] EXPORT_PATHS = {"/api/export/**"};
    static final long WAIT_MILLIS = 3000;
    static final int RETRY_AFTER_SECONDS = 5;

    final Permits analyses;
    final Permits exports;

    HeavyWorkLimit(FrontlineSettings settings) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.analyses = new Permits(
                "analyses or briefing exports",
                Math.max(4, 2 * cores),
                WAIT_MILLIS,
                new RequestBudget.Limit(settings.requestBudget(), "frontline.request-budget"));
        this.exports = new Permits(
                "layer exports",
                Math.max(2, cores),
                WAIT_MILLIS,
                new RequestBudget.Limit(settings.exportBudget(), "frontline.export-budget"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(analyses).addPathPatterns(ANALYSIS_PATHS);
        registry.addInterceptor(exports).addPathPatterns(EXPORT_PATHS);
    }

    /** The interceptor of one pool: a permit per request, released when the request completes (also on errors). */
    static final class Permits implements HandlerInterceptor {
        private final String held;
        private final String work;
        private final Semaphore semaphore;
        final int size;
        private final long waitMillis;
        private final RequestBudget.Limit budget;

        Permits(String work, int size, long waitMillis, RequestBudget.Limit budget) {
            this.work = work;
            this.held = Permits.class.getName() + ".held: " + work;
            this.semaphore = new Semaphore(size, true);
            this.size = size;
            this.waitMillis = waitMillis;
            this.budget = budget;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws InterruptedException {
            if (!semaphore.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new ServerBusyException(
                        "the server is busy with " + size + " " + work + "; try again in " + RETRY_AFTER_SECONDS + " s",
                        RETRY_AFTER_SECONDS);
            }
            request.setAttribute(held, Boolean.TRUE);
            RequestBudget.start(budget);
            return true;
        }

        @Override
        public void afterCompletion(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (request.getAttribute(held) != null) {
                request.removeAttribute(held);
                RequestBudget.end();
                semaphore.release();
            }
        }
    }
}
