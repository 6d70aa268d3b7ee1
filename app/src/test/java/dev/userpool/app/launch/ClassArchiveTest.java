package dev.userpool.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.InvalidSettingsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child JVM's command line as the launcher builds it (ServiceJvm) with the class-data archive
 * (ClassArchive): an archive that fits is mapped, none yet means one is written at the end, and a cache
 * that cannot be used, or the setting off, means a plain start; a written archive goes into place only
 * complete, and a file that would crash the JVM never reaches it.
 */
class ClassArchiveTest {
    private static final String JVM = "/opt/jdk\n17.0.15+6";
    private static final long PID = ProcessHandle.current().pid();   // a live launcher

    @TempDir
    Path tmp;
    Path jar;
    Path cache;

    @BeforeEach
    void aJar() throws IOException {
        jar = Files.writeString(tmp.resolve("userpool.jar"), "not really a jar");
        cache = tmp.resolve("cache");
    }

    @Test
    void withoutAnArchiveTheChildWritesOneAtItsEnd() throws IOException {
        ClassArchive archive = plan();
        List<String> command = ServiceJvm.command("/opt/jdk", jar, new String[] {"serve"}, archive, PID);

        assertThat(archive.mode()).isEqualTo(ClassArchive.Mode.WRITE);
        Path partial = archive.file().orElseThrow();
        assertThat(partial.getParent()).isEqualTo(archiveDir());
        assertThat(partial.getFileName().toString()).endsWith("." + PID + ".partial");
        assertThat(command).startsWith("/opt/jdk/bin/java", "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                        "-XX:ArchiveClassesAtExit=" + partial, ClassArchive.QUIET)
                .contains("-Duserpool.classArchive=write:" + partial, "-Duserpool.launched=" + PID)
                .endsWith("-cp", jar.toString(), "dev.userpool.app.Main", "serve")
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
        assertThat(permissionsOf(archiveDir())).isEqualTo("rwx------");
    }

    @Test
    void theArchiveWrittenByACleanEndIsMappedByTheNextStart() throws IOException {
        for (int exitCode : new int[] {0, 130, 143}) {
            ClassArchive first = plan();
            writeArchive(first.file().orElseThrow(), 4096);
            first.childEnded(exitCode);

            ClassArchive next = plan();
            assertThat(next.mode()).as("after exit code " + exitCode).isEqualTo(ClassArchive.Mode.USE);
            Path archive = next.file().orElseThrow();
            assertThat(archive.getFileName().toString()).endsWith("-4096.jsa");
            assertThat(filesIn(archiveDir())).containsExactly(archive);
            assertThat(ServiceJvm.command("/opt/jdk", jar, new String[0], next, PID))
                    .contains("-XX:SharedArchiveFile=" + archive, ClassArchive.QUIET, "-Duserpool.classArchive=use:" + archive)
                    .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit"));
            Files.delete(archive);
        }
    }

    @Test
    void anArchiveIsKeptOnlyWhenTheChildEndedAsAServiceIsStoppedAndTheFileIsOne() throws IOException {
        for (int exitCode : new int[] {1, 2, 134, 137}) {
            ClassArchive failed = plan();
            writeArchive(failed.file().orElseThrow(), 4096);
            failed.childEnded(exitCode);
            assertThat(filesIn(archiveDir())).as("after exit code " + exitCode).isEmpty();
        }
        ClassArchive notAnArchive = plan();
        Files.write(notAnArchive.file().orElseThrow(), new byte[4096]);
        notAnArchive.childEnded(143);
        assertThat(filesIn(archiveDir())).isEmpty();

        ClassArchive nothingWritten = plan();   // e.g. a JDK without its own archive to build on
        nothingWritten.childEnded(0);
        assertThat(filesIn(archiveDir())).isEmpty();
        assertThat(plan().mode()).isEqualTo(ClassArchive.Mode.WRITE);
    }

    @Test
    void anArchiveCutShortIsDeletedNotMapped() throws IOException {
        ClassArchive first = plan();
        writeArchive(first.file().orElseThrow(), 4096);
        first.childEnded(143);
        Path archive = plan().file().orElseThrow();
        try (var channel = Files.newByteChannel(archive, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(1000);   // the JVM would die of SIGBUS mapping it
        }

        ClassArchive next = plan();
        assertThat(next.mode()).isEqualTo(ClassArchive.Mode.WRITE);
        assertThat(archive).doesNotExist();
    }

    @Test
    void archivesOfAnotherBuildOfTheJarOrAnotherJvmAreDeleted() throws IOException {
        ClassArchive first = plan();
        writeArchive(first.file().orElseThrow(), 4096);
        first.childEnded(0);
        Path old = plan().file().orElseThrow();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));   // rebuilt
        assertThat(plan().mode()).isEqualTo(ClassArchive.Mode.WRITE);
        assertThat(old).doesNotExist();

        ClassArchive rebuilt = plan();
        writeArchive(rebuilt.file().orElseThrow(), 4096);
        rebuilt.childEnded(0);
        assertThat(ClassArchive.plan(jar, Optional.of(cache), "/opt/jdk\n17.0.16+8", ServiceJvm.FLAGS, PID).mode())
                .as("another JVM").isEqualTo(ClassArchive.Mode.WRITE);
        assertThat(filesIn(archiveDir())).isEmpty();
    }

    @Test
    void archivesOfOtherJarsAreLeftAlone() throws IOException {
        Path other = Files.writeString(tmp.resolve("other.jar"), "another jar");
        ClassArchive ofOther = ClassArchive.plan(other, Optional.of(cache), JVM, ServiceJvm.FLAGS, PID);
        writeArchive(ofOther.file().orElseThrow(), 4096);
        ofOther.childEnded(0);

        assertThat(plan().mode()).isEqualTo(ClassArchive.Mode.WRITE);
        assertThat(filesIn(archiveDir())).hasSize(1);
    }

    @Test
    void aFileBeingWrittenIsLeftToItsLauncherUnlessThatIsGone() throws IOException {
        Path mine = plan().file().orElseThrow();
        Files.write(mine, new byte[10]);
        Path orphan = mine.resolveSibling(mine.getFileName().toString().replace("." + PID + ".", "." + deadPid() + "."));
        Files.write(orphan, new byte[10]);

        plan();
        assertThat(mine).as("its launcher (this process) still runs").exists();
        assertThat(orphan).doesNotExist();
    }

    @Test
    void aJvmThatDiedOfAFatalErrorWithTheArchiveHasItDeleted() throws IOException {
        ClassArchive first = plan();
        writeArchive(first.file().orElseThrow(), 4096);
        first.childEnded(0);
        ClassArchive used = plan();
        used.childEnded(143);
        assertThat(used.file().orElseThrow()).as("stopped as usual").exists();

        ClassArchive crashed = plan();
        crashed.childEnded(134);
        assertThat(crashed.file().orElseThrow()).doesNotExist();
    }

    @Test
    void aCacheThatCannotBeMadeMeansAPlainStart() throws IOException {
        Files.writeString(cache, "a file where the cache directory would be");
        ClassArchive archive = plan();

        assertThat(archive.mode()).isEqualTo(ClassArchive.Mode.NONE);
        assertThat(ServiceJvm.command("/opt/jdk", jar, new String[0], archive, PID))
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-XX:ArchiveClassesAtExit")
                        || option.startsWith("-Xlog"))
                .anyMatch(option -> option.startsWith("-Duserpool.classArchive=none:"));
    }

    @Test
    void aCacheOthersCouldWriteIntoIsNotUsed() throws IOException {
        Files.createDirectories(archiveDir());
        Files.setPosixFilePermissions(archiveDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(plan().mode()).isEqualTo(ClassArchive.Mode.NONE);
    }

    @Test
    void noHomeMeansNoCache() {
        assertThat(ClassArchive.plan(jar, Optional.empty(), JVM, ServiceJvm.FLAGS, PID).mode()).isEqualTo(ClassArchive.Mode.NONE);
        assertThat(ClassArchive.cacheRoot(Map.of(), "?")).isEmpty();
    }

    @Test
    void theCacheIsXdgCacheHomeOrTheHomeDotCache() {
        assertThat(ClassArchive.cacheRoot(Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me")).contains(Path.of("/var/cache/me"));
        assertThat(ClassArchive.cacheRoot(Map.of("XDG_CACHE_HOME", "relative"), "/home/me")).contains(Path.of("/home/me/.cache"));
        assertThat(ClassArchive.cacheRoot(Map.of(), "/home/me")).contains(Path.of("/home/me/.cache"));
    }

    @Test
    void theSettingTurnsItOff() {
        assertThat(ClassArchive.enabled(Map.of())).isTrue();
        assertThat(ClassArchive.enabled(Map.of(ClassArchive.VARIABLE, "on"))).isTrue();
        assertThat(ClassArchive.enabled(Map.of(ClassArchive.VARIABLE, "off"))).isFalse();
        assertThat(ClassArchive.enabled(Map.of(ClassArchive.VARIABLE, "false"))).isFalse();
        assertThatThrownBy(() -> ClassArchive.enabled(Map.of(ClassArchive.VARIABLE, "sometimes")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining(ClassArchive.VARIABLE + "=sometimes");

        ClassArchive off = ClassArchive.none("off (" + ClassArchive.VARIABLE + ")");
        assertThat(ServiceJvm.command("/opt/jdk", jar, new String[0], off, PID))
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-XX:ArchiveClassesAtExit"))
                .contains("-Duserpool.classArchive=none:off (USERPOOL_CLASS_ARCHIVE)");
    }

    @Test
    void thisProcessMapsNoArchiveOfOurs() {
        // (the IT shows a started service mapping its archive)
        assertThat(ClassArchive.mappedByThisProcess(tmp.resolve("0123456789abcdef-0123456789abcdef-4096.jsa"))).contains(false);
    }

    private ClassArchive plan() {
        return ClassArchive.plan(jar, Optional.of(cache), JVM, ServiceJvm.FLAGS, PID);
    }

    private Path archiveDir() {
        return cache.resolve("userpool").resolve(ClassArchive.DIRECTORY);
    }

    /** What the JVM writes, as far as the launcher looks: the dynamic archive's magic number first. */
    private static void writeArchive(Path file, int size) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder()).putInt(0xf00baba8);
        Files.write(file, bytes.array());
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String permissionsOf(Path dir) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
    }

    private static long deadPid() {
        long pid = 4_000_000;   // above Linux's pid_max
        while (ProcessHandle.of(pid).isPresent()) pid++;
        return pid;
    }
}
