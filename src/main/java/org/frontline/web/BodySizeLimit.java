package org.frontline.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.frontline.settings.FrontlineSettings;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code frontline.upload.max-bytes} before anything parses them: by the
 * declared Content-Length (413 at once), and by counting the bytes of chunked bodies as they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {
    private final long max;

    BodySizeLimit(FrontlineSettings settings) {
        this.max = settings.upload().maxBytes();
    }

    /**
     * Imports and gazetteer uploads stream the file to disk under their own, larger caps
     * ({@code frontline.imports.max-bytes}, {@code frontline.gazetteer.max-bytes}).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.equals(request.getContextPath() + "/api/imports")
                || uri.equals(request.getContextPath() + "/api/admin/gazetteer/uploads");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            ApiErrors.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    ApiErrors.TOO_LARGE,
                    RequestBodies.tooLarge(max).getMessage());
            return;
        }
        chain.doFilter(new Counted(request, max), response);
    }

    private static final class Counted extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream in;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                ServletInputStream inner = super.getInputStream();
                in = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = inner.read(buf, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > max) {
                            throw RequestBodies.tooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return in;
        }
    }
}
