package org.frontline.briefings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts a page script and the plain ES modules it imports into one classic script, for the offline HTML export
 * (a file:// page cannot load modules). Each module becomes a function returning its exports; an import becomes
 * a destructuring of that object. Only the forms our own files use are understood: {@code import { a, b } from
 * './x.js';} on one line and {@code export function|const|class name}; anything else is refused loudly.
 */
final class ModuleInliner {
    private static final Pattern IMPORT = Pattern.compile("(?m)^import \\{([^}]*)\\} from '\\./([\\w-]+\\.js)';\\s*$");
    private static final Pattern EXPORT =
            Pattern.compile("(?m)^export (?:async )?(?:function\\*?|const|let|class) (\\w+)");
    private static final Pattern OTHER = Pattern.compile("(?m)^\\s*(import|export)\\b");

    private final String folder;

    /** {@code folder}: the class-path folder of the scripts, e.g. "static/js/". */
    ModuleInliner(String folder) {
        this.folder = folder;
    }

    String bundle(String entry) {
        Map<String, String> done = new LinkedHashMap<>();
        add(entry, done, new ArrayList<>());
        StringBuilder out = new StringBuilder("(function () {\n'use strict';\nconst modules = {};\n");
        done.forEach((name, body) -> out.append(body));
        return out.append("})();\n").toString();
    }

    private void add(String name, Map<String, String> done, List<String> path) {
        if (done.containsKey(name)) {
            return;
        }
        if (path.contains(name)) {
            throw new IllegalStateException("import cycle: " + path + " -> " + name);
        }
        path.add(name);
        String src = read(name);
        Matcher m = IMPORT.matcher(src);
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            add(m.group(2), done, path);
            m.appendReplacement(
                    body, Matcher.quoteReplacement("const {" + m.group(1) + "} = modules['" + m.group(2) + "'];"));
        }
        m.appendTail(body);
        List<String> names = new ArrayList<>();
        Matcher e = EXPORT.matcher(body);
        while (e.find()) {
            names.add(e.group(1));
        }
        String code = body.toString().replaceAll("(?m)^export (?=(async )?(function|const|let|class))", "");
        Matcher left = OTHER.matcher(code);
        if (left.find()) {
            throw new IllegalStateException(name + ": an import/export form the inliner does not handle at "
                    + code.substring(left.start(), Math.min(code.length(), left.start() + 60)));
        }
        done.put(
                name,
                "modules['" + name + "'] = (function () {\n" + code + "\nreturn { " + String.join(", ", names)
                        + " };\n})();\n");
        path.remove(name);
    }

    private String read(String name) {
        try (InputStream in = new ClassPathResource(folder + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("missing script " + folder + name, e);
        }
    }
}
