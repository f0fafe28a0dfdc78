package org.frontline.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.frontline.settings.FrontlineSettings;
import org.frontline.web.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin exists. The password comes from configuration, or is generated and printed
 * once, at the first start; it is never part of the jar.
 */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    AdminBootstrap(JdbcUserDetailsManager users, PasswordEncoder encoder, FrontlineSettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.configuredPassword = settings.security().adminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        if (configured) {
            try {
                PasswordPolicy.check("admin", configuredPassword, "frontline.security.admin-password");
            } catch (BadInputException e) {
                throw new IllegalStateException(e.getMessage() + " (set by FRONTLINE_ADMIN_PASSWORD)");
            }
        }
        if (users.userExists("admin")) {
            if (configured) {
                users.updateUser(admin(configuredPassword));
            }
            return;
        }
        String password = configured ? configuredPassword : generate();
        users.createUser(admin(password));
        if (!configured) {
            log.warn(
                    "\n\n  Created user 'admin' with generated password: {}\n  It is shown only this once. "
                            + "Set FRONTLINE_ADMIN_PASSWORD to choose one.\n",
                    password);
        }
    }

    private UserDetails admin(String password) {
        return User.withUsername("admin")
                .password(encoder.encode(password))
                .roles(SecurityConfig.ADMIN)
                .build();
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
