package app.ltth.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the folder the app runs from: the jar's folder, or the project folder when run from a Maven build. */
public final class AppHome {

    private AppHome() {
    }

    public static Path detect() {
        try {
            Path code = Path.of(AppHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return forCodeLocation(code);
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /**
     * The jar's folder; but a jar or class folder inside a Maven {@code target/} next to a pom.xml belongs to a
     * checkout, whose top folder holds public/, locales/ and the runtime data (so {@code mvn clean} never wipes a
     * developer's profiles).
     */
    static Path forCodeLocation(Path code) {
        Path dir = Files.isDirectory(code) ? code : code.toAbsolutePath().getParent();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("target")
                    && p.getParent() != null && Files.isRegularFile(p.getParent().resolve("pom.xml"))) {
                return p.getParent().toAbsolutePath().normalize();
            }
        }
        return dir.toAbsolutePath().normalize();
    }
}
