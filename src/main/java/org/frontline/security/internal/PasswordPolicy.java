package org.frontline.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.frontline.web.BadInputException;

/**
 * The minimum a password must meet: 12 characters or more, at most 72 bytes (BCrypt reads no further), not only
 * spaces, not the user name, not 3 characters repeated, and not on the shipped list of common passwords
 * ({@code security/common-passwords.txt}). Messages name the field.
 */
public final class PasswordPolicy {
    public static final int MIN_CHARS = 12;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Refuses a password that does not meet the policy, saying why (the password itself is never echoed). */
    public static void check(String username, String password, String field) {
        if (password == null || password.isEmpty()) {
            throw new BadInputException(field + " is missing");
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARS) {
            throw new BadInputException(field + " must have at least " + MIN_CHARS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new BadInputException(field + " must be at most " + MAX_BYTES + " bytes in UTF-8 (BCrypt ignores"
                    + " anything after that), got " + password.getBytes(StandardCharsets.UTF_8).length);
        }
        if (password.isBlank()) {
            throw new BadInputException(field + " must not be only spaces");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && folded.equals(username.toLowerCase(Locale.ROOT))) {
            throw new BadInputException(field + " must not be the user name");
        }
        if (COMMON.contains(folded) || distinctChars(folded) < 4) {
            throw new BadInputException(field + " is too common or too easy to guess; choose another");
        }
    }

    private static long distinctChars(String s) {
        return s.codePoints().distinct().count();
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource security/common-passwords.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read security/common-passwords.txt", e);
        }
        return out;
    }
}
