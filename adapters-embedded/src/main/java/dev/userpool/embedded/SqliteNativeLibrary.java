package dev.userpool.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Points sqlite-jdbc at a copy of its native library kept in the user's cache
 * ({@code $XDG_CACHE_HOME/userpool} or {@code ~/.cache/userpool}, owner-only), written on the first
 * start of each sqlite-jdbc version. Left alone, sqlite-jdbc works out the platform on every start
 * (running {@code uname} as a child process) and writes a fresh 1 MB copy of the library to
 * {@code /tmp}, then reads it back to compare: about a tenth of the app's start-up. It also lists its
 * temporary folder on every start to clean up after older ones, so that is pointed here as well.
 *
 * <p>Best effort: wherever this cannot apply (not glibc Linux on x86_64 or aarch64, no writable
 * cache, the user set {@code org.sqlite.lib.path} already) it changes nothing, and if the cached
 * copy fails to load sqlite-jdbc falls back to its own extraction.
 */
final class SqliteNativeLibrary {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final String NAME = "libsqlitejdbc.so";
    private static volatile boolean settled;

    private SqliteNativeLibrary() {}

    /** Before the first connection: sets {@code org.sqlite.lib.path} to the cached copy, making it if needed. */
    static void preferCachedCopy() {
        if (settled) return;
        synchronized (SqliteNativeLibrary.class) {
            if (settled) return;
            settled = true;
            if (System.getProperty("org.sqlite.lib.path") != null) return;
            String arch = linuxGlibcArch();
            String version = driverVersion();
            Path cacheRoot = cacheRoot();
            if (arch == null || version == null || cacheRoot == null) return;
            try {
                Path dir = ownerOnlyDirectory(cacheRoot.resolve("userpool").resolve("sqlite-" + version + "-" + arch));
                if (dir == null) return;
                Path library = dir.resolve(NAME);
                if (!Files.isRegularFile(library) && !extract("/org/sqlite/native/Linux/" + arch + "/" + NAME, dir, library)) return;
                System.setProperty("org.sqlite.lib.path", dir.toString());
                System.setProperty("org.sqlite.lib.name", NAME);
                // sqlite-jdbc lists its temporary folder on every start, to delete copies older starts left
                // there: in a busy /tmp (thousands of entries) that alone took tens of milliseconds. In
                // this directory it finds nothing, and a copy it ever extracted would be owner-only too.
                if (System.getProperty("org.sqlite.tmpdir") == null) System.setProperty("org.sqlite.tmpdir", dir.toString());
            } catch (IOException | RuntimeException e) {
                // no cache: sqlite-jdbc extracts the library to the temporary folder as it always did
            }
        }
    }

    private static String linuxGlibcArch() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) return null;
        if (Files.exists(Path.of("/etc/alpine-release"))) return null;   // musl: sqlite-jdbc's own detection knows it
        return switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
    }

    private static String driverVersion() {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream("/META-INF/maven/org.xerial/sqlite-jdbc/VERSION")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "").trim();
            return version.matches("[0-9][0-9.]*") ? version : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) return Path.of(xdg);
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache");
    }

    /** The directory, made owner-only if new; null if it exists but others could write into it. */
    private static Path ownerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another start made it meanwhile: checked below like any existing one
            }
        }
        return Files.getPosixFilePermissions(dir).equals(OWNER_ONLY) ? dir : null;
    }

    /** Writes the library beside its final name and moves it there, so no start ever loads half a file. */
    private static boolean extract(String resource, Path dir, Path library) throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) return false;
            Path partial = Files.createTempFile(dir, NAME, ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return true;
        }
    }
}
