package org.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: each top-level package of org.frontline is a module that others use only through
 * the types in its root package (façade, records, events), with no cycles between modules. Also writes the
 * module documentation (PlantUML/C4 component diagrams, module canvases) to target/modulith-docs.
 */
class ModularityTests {
    static final ApplicationModules MODULES = ApplicationModules.of(FrontlineApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void sharedModulesDependOnNothingButSettings() {
        assertThat(dependencies("geo")).isEmpty();
        assertThat(dependencies("settings")).isEmpty();
        assertThat(dependencies("web")).containsOnly("settings");
    }

    @Test
    void noModuleDependsOnTheDemoLoader() {
        MODULES.forEach(m -> assertThat(m.getDirectDependencies(MODULES).containsModuleNamed("demo"))
                .as("module '%s' depends on 'demo' (listen to layers.DemoLoaded instead)", m.getIdentifier())
                .isFalse());
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path out = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString())).writeDocumentation();
        assertThat(Files.readString(out.resolve("components.puml"))).contains("Layers", "Analysis", "Briefings");
        assertThat(out.resolve("module-layers.adoc")).exists();
        assertThat(out.resolve("module-layers.puml")).exists();
    }

    private static List<String> dependencies(String module) {
        return module(module)
                .getDirectDependencies(MODULES)
                .uniqueModules()
                .map(m -> m.getIdentifier().toString())
                .toList();
    }

    private static ApplicationModule module(String name) {
        return MODULES.getModuleByName(name).orElseThrow(() -> new AssertionError("no module '" + name + "'"));
    }
}
