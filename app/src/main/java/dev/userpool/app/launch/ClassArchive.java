package dev.userpool.app.launch;

import dev.userpool.app.config.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The class-data archive of the service's child JVM (AppCDS, a JDK "dynamic archive"): the classes the
 * service loaded, already parsed and verified, which the next start maps from one file instead of
 * reading and checking some 5,000 classes from the jar again. It saves about a third of the start-up.
 *
 * <p>The first {@code serve} of a jar has none: its child JVM gets {@code -XX:ArchiveClassesAtExit} with
 * a file name of its own and writes the archive when it ends (which makes that one stop take a few
 * seconds longer). The launcher moves the file into place only when the child ended as a service ends
 * (exit code 0, or 130/143 for SIGINT/SIGTERM) and the file begins as an archive does, so a half-written
 * file is never used; its name ends in its size, and a file whose size differs (cut short) is deleted
 * rather than given to the JVM, which would crash on it. Later starts get
 * {@code -XX:SharedArchiveFile}. The archive is keyed to the jar (absolute path, size, modification time)
 * and to the JVM ({@code java.home}, {@code java.vm.version}): a rebuilt jar or another JDK writes a new
 * one, and the archives of the same jar path that no longer fit are deleted.
 *
 * <p>The archives live in the user's cache ({@code $XDG_CACHE_HOME/userpool/class-archives} or
 * {@code ~/.cache/userpool/class-archives}), a directory only its owner may use, since the JVM runs what
 * an archive holds. Without such a directory, or with {@value #VARIABLE}{@code =off}, the child JVM runs
 * without an archive; nothing here ever stops the service from starting. The JVM's own messages about
 * archives (dozens of "Skipping …" warnings when one is written) are kept out of the service's output.
 */
final class ClassArchive {
    /** On by default; {@code off} runs the service without an archive (docs/configuration.md, "Memory and start-up"). */
    static final String VARIABLE = "USERPOOL_CLASS_ARCHIVE";
    /** Set on the child: what it was given ({@code use:FILE}, {@code write:FILE} or {@code none:REASON}), for its start-up log line. */
    static final String PROPERTY = "userpool.classArchive";
    /** The JVM's messages about archives (tags cds, cds+dynamic, …), off: they are the launcher's business, not the service's output. */
    static final String QUIET = "-Xlog:cds*=off";

    static final String DIRECTORY = "class-archives";
    private static final String ARCHIVE = ".jsa";
    private static final String PARTIAL = ".partial";
    /** The first four bytes of a JDK dynamic archive (CDS_DYNAMIC_ARCHIVE_MAGIC), in the machine's byte order. */
    private static final int DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;
    /** How a service ends when it is stopped: by itself, SIGINT (Ctrl-C), SIGTERM. */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 130, 143);
    /** The exit code of a JVM that died of a fatal error (SIGABRT after its hs_err file). */
    private static final int JVM_FATAL_ERROR = 134;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    enum Mode { USE, WRITE, NONE }

    private final Mode mode;
    /** The archive given to the child (USE), or the file it writes (WRITE); null for NONE. */
    private final Path file;
    /** Where a written archive goes, less its size and ending (WRITE). */
    private final Path target;
    /** Why there is no archive (NONE). */
    private final String reason;
    private boolean settled;

    private ClassArchive(Mode mode, Path file, Path target, String reason) {
        this.mode = mode;
        this.file = file;
        this.target = target;
        this.reason = reason;
    }

    static ClassArchive none(String reason) {
        return new ClassArchive(Mode.NONE, null, null, reason);
    }

    /** Whether the archive is on, from {@value #VARIABLE}; a value it does not understand stops the start like any setting's. */
    static boolean enabled(Map<String, String> environment) {
        return new Environment(environment).flag(VARIABLE, true);
    }

    /** {@code $XDG_CACHE_HOME} if it is an absolute path, else {@code ~/.cache}; empty when there is no home either. */
    static Optional<Path> cacheRoot(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) return Optional.of(Path.of(xdg));
        if (userHome == null || userHome.isBlank() || userHome.equals("?")) return Optional.empty();
        return Optional.of(Path.of(userHome, ".cache"));
    }

    /** The JVM this process runs on, which the child's is: an archive fits only the JVM that wrote it. */
    static String thisJvm() {
        return text(System.getProperty("java.home"), "\n", System.getProperty("java.vm.version"));
    }

    /**
     * What the child JVM of {@code jar} gets: the archive that fits, or a file to write one into; stale
     * archives of the same jar path, and files left by launchers that are gone, are deleted on the way.
     * {@code flags} are the child's other JVM options (part of the key, as the archive depends on some).
     */
    static ClassArchive plan(Path jar, Optional<Path> cacheRoot, String jvm, List<String> flags, long launcherPid) {
        if (cacheRoot.isEmpty()) return none("no home directory for a cache");
        try {
            Path dir = ownerOnlyDirectory(cacheRoot.get().resolve("userpool").resolve(DIRECTORY));
            if (dir == null) return none(text(cacheRoot.get().resolve("userpool").resolve(DIRECTORY), " is not owner-only"));
            Path absolute = jar.toAbsolutePath().normalize();
            String pathKey = hash(absolute.toString());
            String key = text(pathKey, "-", hash(text(absolute, "\n", Files.size(absolute), "\n",
                    Files.getLastModifiedTime(absolute).toMillis(), "\n", jvm, "\n", String.join(" ", flags))));
            Path found = null;
            List<Path> ofThisJar = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (f.getFileName().toString().startsWith(text(pathKey, "-"))) ofThisJar.add(f);
                }
            }
            for (Path f : ofThisJar) {
                String name = f.getFileName().toString();
                if (name.endsWith(PARTIAL)) {
                    if (!writerAlive(name)) Files.deleteIfExists(f);   // its launcher is gone: nobody will finish it
                } else if (found == null && name.startsWith(text(key, "-")) && name.endsWith(ARCHIVE) && sizeAsNamed(f, key)) {
                    found = f;
                } else if (name.endsWith(ARCHIVE)) {
                    Files.deleteIfExists(f);   // another build of the jar or another JVM, or a file cut short
                }
            }
            if (found != null) return new ClassArchive(Mode.USE, found, null, null);
            if (!Files.isWritable(dir)) return none(text(dir, " is not writable"));
            return new ClassArchive(Mode.WRITE, dir.resolve(text(key, ".", launcherPid, PARTIAL)), dir.resolve(key), null);
        } catch (IOException | RuntimeException e) {
            return none(text("the cache could not be used: ", e));
        }
    }

    Mode mode() {
        return mode;
    }

    /** The archive given (USE) or being written (WRITE). */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The child's JVM options for this archive, and the property that tells it what it got. */
    List<String> jvmOptions() {
        return switch (mode) {
            case USE -> List.of(text("-XX:SharedArchiveFile=", file), QUIET, text("-D", PROPERTY, "=use:", file));
            case WRITE -> List.of(text("-XX:ArchiveClassesAtExit=", file), QUIET, text("-D", PROPERTY, "=write:", file));
            case NONE -> List.of(text("-D", PROPERTY, "=none:", reason));
        };
    }

    /**
     * After the child ended with {@code exitCode}: a written archive goes into place if the child ended
     * as a service is stopped and the file is an archive, else it is deleted; an archive the child
     * crashed with (a JVM fatal error) is deleted, so the next start writes a new one. Once only: the
     * launcher's main thread and its shutdown hook may both get here.
     */
    synchronized void childEnded(int exitCode) {
        if (settled) return;
        settled = true;
        try {
            if (mode == Mode.WRITE) {
                try {
                    if (CLEAN_EXITS.contains(exitCode) && isArchive(file)) {
                        Path archive = target.resolveSibling(text(target.getFileName(), "-", Files.size(file), ARCHIVE));
                        Files.move(file, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(file);
                }
            } else if (mode == Mode.USE && exitCode == JVM_FATAL_ERROR) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // the cache is best effort: the next start writes an archive again
        }
    }

    /**
     * In the child: what its start-up log line says about the archive, or empty when it was not started
     * by the launcher. An archive the JVM did not map (it checks the jar and itself, and refuses an
     * archive that does not fit) is deleted, so the next start writes one that does.
     */
    static Optional<String> inThisJvm() {
        String given = System.getProperty(PROPERTY);
        if (given == null) return Optional.empty();
        int colon = given.indexOf(':');
        String kind = colon < 0 ? given : given.substring(0, colon);
        String detail = colon < 0 ? "" : given.substring(colon + 1);
        return Optional.of(switch (kind) {
            case "use" -> {
                Optional<Boolean> mapped = mappedByThisProcess(Path.of(detail));
                if (mapped.isEmpty()) yield "class-data archive given (" + detail + ")";
                if (mapped.get()) yield "class-data archive used";
                try {
                    Files.deleteIfExists(Path.of(detail));
                } catch (IOException | RuntimeException e) {
                    // the next start gives it again, and the JVM refuses it again
                }
                yield "class-data archive refused by the JVM, deleted: the next start writes another";
            }
            case "write" -> "no class-data archive yet: it is written when the service stops";
            default -> "no class-data archive: " + detail;
        });
    }

    /** Whether {@code archive} is mapped into this process ({@code /proc/self/maps}); empty where that cannot be read. */
    static Optional<Boolean> mappedByThisProcess(Path archive) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) return Optional.empty();
        try {
            String name = "/" + archive.getFileName();
            for (String line : Files.readAllLines(maps, StandardCharsets.ISO_8859_1)) {
                if (line.endsWith(name)) return Optional.of(true);
            }
            return Optional.of(false);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The directory, made owner-only if new; null if it exists but others could use it. */
    private static Path ownerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException raced) {
                // another start made it meanwhile: checked below like any existing one
            }
        }
        return Files.getPosixFilePermissions(dir).equals(OWNER_ONLY) ? dir : null;
    }

    /** Whether a file named {@code KEY-SIZE.jsa} has that size: one cut short would crash the JVM that maps it. */
    private static boolean sizeAsNamed(Path file, String key) throws IOException {
        String name = file.getFileName().toString();
        long size = digits(name.substring(key.length() + 1, name.length() - ARCHIVE.length()));
        return size >= 0 && Files.size(file) == size;
    }

    /** Whether the launcher named in {@code KEY.PID.partial} still runs (and so may still finish that file). */
    private static boolean writerAlive(String partialName) {
        String stem = partialName.substring(0, partialName.length() - PARTIAL.length());
        long pid = digits(stem.substring(stem.lastIndexOf('.') + 1));
        if (pid < 0) return false;
        Optional<ProcessHandle> writer = ProcessHandle.of(pid);
        return writer.isPresent() && writer.get().isAlive();
    }

    private static boolean isArchive(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) return false;
        }
        return ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getInt() == DYNAMIC_ARCHIVE_MAGIC;
    }

    /** 64-bit FNV-1a, in hex: a file-name key, not a security measure (the JVM checks that an archive fits). */
    static String hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return text("0".repeat(16 - hex.length()), hex);
    }

    /** 1 to 18 decimal digits as a number, else -1. */
    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 18) return -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return -1;
        }
        return Long.parseLong(text);
    }

    /**
     * The parts one after another. The launcher builds its strings with this rather than {@code +}: it
     * runs for a moment, interpreted, and javac's {@code +} (invokedynamic, StringConcatFactory) costs it
     * a few milliseconds of generated classes for each new shape of concatenation, tens in all.
     */
    static String text(Object... parts) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) out.append(part);
        return out.toString();
    }
}
