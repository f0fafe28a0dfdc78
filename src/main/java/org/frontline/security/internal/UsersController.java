package org.frontline.security.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.frontline.web.BadInputException;
import org.frontline.web.ConflictException;
import org.frontline.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User management for admins: create a user with one role, list users, remove one. */
@RestController
@RequestMapping("/api/admin/users")
class UsersController {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,49}");
    private static final List<String> ROLES = List.of("viewer", "analyst", "admin");

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;
    private final JdbcTemplate jdbc;

    UsersController(JdbcUserDetailsManager users, PasswordEncoder encoder, JdbcTemplate jdbc) {
        this.users = users;
        this.encoder = encoder;
        this.jdbc = jdbc;
    }

    record NewUser(String username, String password, String role) {}

    record UserView(String username, String role) {}

    @GetMapping
    List<UserView> list() {
        return jdbc.query(
                "SELECT username, authority FROM authorities ORDER BY username",
                (rs, i) -> new UserView(
                        rs.getString(1), rs.getString(2).replace("ROLE_", "").toLowerCase(Locale.ROOT)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody NewUser u) {
        if (u.username() == null || !NAME.matcher(u.username()).matches()) {
            throw new BadInputException(
                    "username must be 2-50 lower-case letters, digits or . _ - starting with a letter");
        }
        PasswordPolicy.check(u.username(), u.password(), "password");
        if (u.role() == null || !ROLES.contains(u.role())) {
            throw new BadInputException("role must be one of " + ROLES);
        }
        if (users.userExists(u.username())) {
            throw new ConflictException("user '" + u.username() + "' exists");
        }
        users.createUser(User.withUsername(u.username())
                .password(encoder.encode(u.password()))
                .roles(u.role().toUpperCase(Locale.ROOT))
                .build());
        return new UserView(u.username(), u.role());
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username, java.security.Principal me) {
        if (!users.userExists(username)) {
            throw new NotFoundException("there is no user '" + username + "'");
        }
        if (username.equals(me.getName())) {
            throw new ConflictException("you cannot delete yourself");
        }
        users.deleteUser(username);
    }
}
