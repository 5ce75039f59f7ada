package app.ltth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHomeTest {

    @TempDir
    Path dir;

    @Test
    void anInstalledJarLivesInItsOwnFolder() throws Exception {
        Path jar = Files.createFile(dir.resolve("ltth.jar"));
        assertThat(AppHome.forCodeLocation(jar)).isEqualTo(dir);
    }

    @Test
    void aJarOrClassesInAMavenTargetBelongToTheCheckout() throws Exception {
        Files.createFile(dir.resolve("pom.xml"));
        Path target = Files.createDirectories(dir.resolve("target/classes"));
        Path jar = Files.createFile(dir.resolve("target/ltth.jar"));
        assertThat(AppHome.forCodeLocation(jar)).isEqualTo(dir);
        assertThat(AppHome.forCodeLocation(target)).isEqualTo(dir);
    }

    @Test
    void aFolderNamedTargetWithoutAPomIsJustAFolder() throws Exception {
        Path jar = Files.createFile(Files.createDirectories(dir.resolve("target")).resolve("ltth.jar"));
        assertThat(AppHome.forCodeLocation(jar)).isEqualTo(dir.resolve("target"));
    }
}
