package dev.afterimage.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.afterimage.web.console.CsrfProtected;
import jakarta.persistence.Entity;
import jakarta.ws.rs.POST;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes: capabilities depend one way, the
 * sources know nothing of storage, and only {@code archive} writes the archive's entities.
 */
class PackageRulesTest {

    /** The one package of each platform under {@code dev.afterimage.source}. */
    private static final List<String> PLATFORM_PACKAGES =
            List.of("telegram", "mastodon", "bluesky", "x", "facebook", "vk", "feed", "webpage");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.afterimage");
    }

    @Test
    void capabilitiesFormNoCycles() {
        slices().matching("dev.afterimage.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void sourcesUseNoPersistenceAndNoOtherCapability() {
        noClasses()
                .that()
                .resideInAPackage("dev.afterimage.source..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.persistence..",
                        "io.quarkus.hibernate..",
                        "org.hibernate..",
                        "dev.afterimage.archive..",
                        "dev.afterimage.watch..",
                        "dev.afterimage.detect..",
                        "dev.afterimage.alert..",
                        "dev.afterimage.web..",
                        "dev.afterimage.evidence..",
                        "dev.afterimage.match..")
                .check(main);
    }

    @Test
    void postUrlsKnowNoPlatformPackage() {
        noClasses()
                .that()
                .resideInAPackage("dev.afterimage.source.url..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(platformPackagesExcept(""))
                .check(main);
    }

    @ParameterizedTest
    @MethodSource("platforms")
    void platformPackagesKnowNoOtherPlatform(String platform) {
        noClasses()
                .that()
                .resideInAPackage("dev.afterimage.source." + platform + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(platformPackagesExcept(platform))
                .check(main);
    }

    static List<String> platforms() {
        return PLATFORM_PACKAGES;
    }

    private static String[] platformPackagesExcept(String platform) {
        return PLATFORM_PACKAGES.stream()
                .filter(other -> !other.equals(platform))
                .map(other -> "dev.afterimage.source." + other + "..")
                .toArray(String[]::new);
    }

    @Test
    void archiveKnowsNothingOfWhoCallsIt() {
        noClasses()
                .that()
                .resideInAPackage("dev.afterimage.archive..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.afterimage.watch..",
                        "dev.afterimage.detect..",
                        "dev.afterimage.alert..",
                        "dev.afterimage.web..")
                .check(main);
    }

    @Test
    void alertKnowsNeitherWatchNorDetectNorWeb() {
        noClasses()
                .that()
                .resideInAPackage("dev.afterimage.alert..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.afterimage.watch..", "dev.afterimage.detect..", "dev.afterimage.web..")
                .check(main);
    }

    @Test
    void detectKnowsNeitherWatchNorWeb() {
        noClasses()
                .that()
                .resideInAPackage("dev.afterimage.detect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.afterimage.watch..", "dev.afterimage.web..")
                .check(main);
    }

    @Test
    void watchKnowsNoWeb() {
        noClasses()
                .that()
                .resideInAPackage("dev.afterimage.watch..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.afterimage.web..")
                .check(main);
    }

    @Test
    void onlyArchiveWritesArchiveEntities() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.afterimage.archive..")
                .should()
                .setFieldWhere(target(
                        owner(resideInAPackage("dev.afterimage.archive..").and(annotatedWith(Entity.class)))))
                .check(main);
    }

    @Test
    void everyConsoleFormPostChecksItsCsrfToken() {
        methods()
                .that()
                .areAnnotatedWith(POST.class)
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.afterimage.web.console..")
                .should()
                .beAnnotatedWith(CsrfProtected.class)
                .check(main);
    }
}
