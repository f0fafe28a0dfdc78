package org.frontline.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/** The two filters that guard signing in and signed-in sessions (wired into the chain by SecurityConfig). */
final class SignInGuards {
    private SignInGuards() {}

    /** Before any password is checked: a locked account or address gets 429 with Retry-After. */
    static final class Throttle extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        Throttle(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String user = attemptedUser(request);
            long wait = user == null ? 0 : throttle.retryAfterSeconds(user, request.getRemoteAddr());
            if (wait > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
                SecurityConfig.problem(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed sign-ins for this" + " account or from this address; try again in " + wait
                                + " s");
                return;
            }
            chain.doFilter(request, response);
        }

        /** The user name a request tries to sign in as (form login or HTTP Basic), or null. */
        static String attemptedUser(HttpServletRequest request) {
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
                String u = request.getParameter("username");
                return u == null ? "" : u;
            }
            String h = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String pair =
                            new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    return colon < 0 ? pair : pair.substring(0, colon);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
            return null;
        }
    }

    /**
     * On every request of a signed-in session the user is read again: a deleted or disabled user, or one whose
     * roles changed, loses the session at once (the request goes on as anonymous and must sign in again).
     */
    static final class SessionRecheck extends OncePerRequestFilter {
        private final UserDetailsService users;

        SessionRecheck(UserDetailsService users) {
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            if (session != null
                    && a != null
                    && a.isAuthenticated()
                    && !(a instanceof AnonymousAuthenticationToken)
                    && !stillValid(a)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
            chain.doFilter(request, response);
        }

        private boolean stillValid(Authentication a) {
            UserDetails u;
            try {
                u = users.loadUserByUsername(a.getName());
            } catch (UsernameNotFoundException e) {
                return false;
            }
            return u.isEnabled()
                    && u.isAccountNonLocked()
                    && u.isAccountNonExpired()
                    && names(u.getAuthorities()).equals(names(a.getAuthorities()));
        }

        /** The roles only: a sign-in adds other authorities (Spring Security 7 records the factor, FACTOR_PASSWORD). */
        private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
            Set<String> out = new HashSet<>();
            authorities.stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(n -> n != null && n.startsWith("ROLE_"))
                    .forEach(out::add);
            return out;
        }
    }
}
