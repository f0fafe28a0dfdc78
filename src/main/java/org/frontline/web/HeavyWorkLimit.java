package org.frontline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.frontline.settings.FrontlineSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * At most a few analyses and exports run at once (two per core, at least four); a request that finds them all
 * busy waits up to 3 s and then gets 503 with Retry-After instead of joining a queue that grows without bound. The
 * map, the API reads and writes are not limited, so a flood of exports never starves them. A request that holds a
 * permit has {@code frontline.request-budget} to finish ({@link RequestBudget}): over it, it is stopped and
 * answered the same 503.
 */
@Configuration
class HeavyWorkLimit implements WebMvcConfigurer {
    static final String[] PATHS = {"/api/analysis/**", "/api/export/**", "/briefings/*/export.*"};
    static final long WAIT_MILLIS = 3000;
    static final int RETRY_AFTER_SECONDS = 5;

    private final Permits permits;

    HeavyWorkLimit(FrontlineSettings settings) {
        this.permits = new Permits(
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), WAIT_MILLIS, settings.requestBudget());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(permits).addPathPatterns(PATHS);
    }

    /** The interceptor: a permit per request, released when the request completes (also on errors). */
    static final class Permits implements HandlerInterceptor {
        private static final String HELD = Permits.class.getName() + ".held";
        private final Semaphore semaphore;
        private final int size;
        private final long waitMillis;
        private final Duration budget;

        Permits(int size, long waitMillis, Duration budget) {
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
                        "the server is busy with " + size + " analyses or exports; try again in " + RETRY_AFTER_SECONDS
                                + " s",
                        RETRY_AFTER_SECONDS);
            }
            request.setAttribute(HELD, Boolean.TRUE);
            RequestBudget.start(budget);
            return true;
        }

        @Override
        public void afterCompletion(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            if (request.getAttribute(HELD) != null) {
                request.removeAttribute(HELD);
                RequestBudget.end();
                semaphore.release();
            }
        }
    }
}
