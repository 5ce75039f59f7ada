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
        return v == null ? "dev" : v;
    }
}
