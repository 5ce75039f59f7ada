package app.ltth.version;

/**
 * LTTH's version, from the jar's manifest ("dev" when run from the build folder). A class of its own, so that the
 * store (export manifests) and the plugins (their minimum version) can ask without importing the app itself.
 */
public final class Version {

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v.replaceFirst("^[vV](?=\\d)", "");   // a release is built with its tag's name, v1.2.0
    }

    /**
     * Where this build's releases are listed (GitHub's "latest release" address of the repository it was built in),
     * from the jar's manifest entry LTTH-Releases that the release workflow sets; empty for any other build.
     */
    public static String releasesUrl() {
        try {
            java.nio.file.Path jar = java.nio.file.Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!java.nio.file.Files.isRegularFile(jar)) return "";
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                java.util.jar.Manifest manifest = file.getManifest();
                String url = manifest == null ? null : manifest.getMainAttributes().getValue("LTTH-Releases");
                return url == null ? "" : url.trim();
            }
        } catch (Exception noJar) {
            return "";
        }
    }
}
