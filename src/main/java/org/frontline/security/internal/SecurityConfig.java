package org.frontline.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Roles: viewer reads, analyst writes, admin manages users (each role includes the ones below it).
 * The API answers 401 with problem+json and never sends a Basic challenge, so browsers do not cache
 * Basic credentials and CSRF protection can be skipped for requests that carry them explicitly.
 */
@Configuration
public class SecurityConfig {

    public static final String VIEWER = "VIEWER";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http, LoginThrottle throttle, JdbcUserDetailsManager users, FrontlineSettings settings)
            throws Exception {
        boolean anonymousRead = settings.security().anonymousRead();
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/ogc");
        List<String> origins = Arrays.stream(settings.cors().allowedOrigins().split(","))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
        if (!origins.isEmpty()) {
            http.cors(cors -> cors.configurationSource(CorsSettings.source(origins)));
        }
        RequestMatcher explicitBasic = request -> {
            String h = request.getHeader("Authorization");
            return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
        };
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                    .permitAll();
            auth.requestMatchers(HttpMethod.GET, "/s/**").permitAll(); // briefing share links: the token is the key
            auth.requestMatchers(HttpMethod.GET, "/api/ready").permitAll(); // the load balancer's health check
            auth.requestMatchers("/api/admin/**").hasRole(ADMIN);
            auth.requestMatchers(HttpMethod.POST, "/api/**").hasRole(ANALYST);
            auth.requestMatchers(HttpMethod.PUT, "/api/**").hasRole(ANALYST);
            auth.requestMatchers(HttpMethod.PATCH, "/api/**").hasRole(ANALYST);
            auth.requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(ANALYST);
            if (anonymousRead) {
                auth.requestMatchers(HttpMethod.GET, "/**").permitAll();
                auth.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
            }
            auth.anyRequest().hasRole(VIEWER);
        });
        http.formLogin(form -> form.loginPage("/login").permitAll());
        http.httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()));
        http.exceptionHandling(ex -> ex.defaultAccessDeniedHandlerFor(apiAccessDenied(), api)
                .defaultAuthenticationEntryPointFor(apiEntryPoint(), api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true));
        http.csrf(csrf -> csrf.spa().ignoringRequestMatchers(explicitBasic));
        http.addFilterBefore(new SignInGuards.Throttle(throttle), CsrfFilter.class);
        http.addFilterBefore(new SignInGuards.SessionRecheck(users), AuthorizationFilter.class);
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** 401 as problem+json, without WWW-Authenticate (see class comment). */
    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> problem(
                response, HttpStatus.UNAUTHORIZED, "Sign in first: send HTTP Basic credentials or log in at /login");
    }

    /**
     * 403 as problem+json saying why. An anonymous caller is told to sign in (401) even when the CSRF check
     * is what stopped it, since signing in is what it lacks.
     */
    private static AccessDeniedHandler apiAccessDenied() {
        return (request, response, e) -> {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || auth instanceof AnonymousAuthenticationToken) {
                problem(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "Sign in first: send HTTP Basic credentials or log in at /login");
            } else if (e instanceof CsrfException) {
                problem(
                        response,
                        HttpStatus.FORBIDDEN,
                        "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's "
                                + "value in the X-XSRF-TOKEN header (or use HTTP Basic credentials)");
            } else {
                problem(
                        response,
                        HttpStatus.FORBIDDEN,
                        "User '" + auth.getName() + "' lacks the role for "
                                + request.getMethod() + " " + request.getRequestURI()
                                + " (reading needs viewer, writing analyst, user management admin)");
            }
        };
    }

    static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ApiErrors.write(response, status, status.getReasonPhrase(), detail);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN)
                .implies(ANALYST)
                .role(ANALYST)
                .implies(VIEWER)
                .build();
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    /** The default encoder (BCrypt), except that a password over 72 bytes simply does not match instead of a 500. */
    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return raw != null
                        && raw.toString().getBytes(StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES
                        && delegate.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return delegate.upgradeEncoding(encoded);
            }
        };
    }
}
