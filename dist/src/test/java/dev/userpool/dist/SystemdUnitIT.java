package dev.userpool.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dist/src/main/systemd/userpool.service} passes {@code systemd-analyze verify}, with its
 * {@code /opt/userpool} pointed at the distribution this build made (verify checks that ExecStart is
 * executable). {@code systemd-analyze} warns about an unknown key or a value it cannot parse but still
 * exits with 0, so any output fails the test as well. Skipped, saying so, where {@code systemd-analyze}
 * is not installed.
 */
class SystemdUnitIT {
    @TempDir
    Path work;

    private Path analyze;

    @BeforeEach
    void findSystemdAnalyze() {
        analyze = List.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (analyze == null) {
            System.err.println("SystemdUnitIT SKIPPED: systemd-analyze is not installed, so userpool.service is not verified"
                    + " (apt-get install systemd to run it)");
        }
        Assumptions.assumeTrue(analyze != null, "systemd-analyze is not installed");
    }

    @Test
    void theUnitVerifiesCleanly() throws Exception {
        DistributionIT.Result result = verify(unit());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("systemd-analyze's warnings").isEmpty();
    }

    @Test
    void aMistakeInTheUnitIsCaught() throws Exception {
        String unit = unit().replace("ProtectSystem=strict", "ProtectSystem=strikt").replace("NoNewPrivileges=yes", "NoNewPrivilege=yes");
        DistributionIT.Result result = verify(unit);
        assertThat(result.output()).contains("strikt", "NoNewPrivilege");
    }

    private String unit() throws IOException {
        Path image = Path.of(System.getProperty("dist.tarball")).resolveSibling("image").resolve(System.getProperty("dist.name"));
        assertThat(image.resolve("bin/userpool")).isExecutable();
        String unit = Files.readString(Path.of(System.getProperty("dist.unit")));
        assertThat(unit).contains("ExecStart=/opt/userpool/bin/userpool serve");
        return unit.replace("/opt/userpool/", image + "/");
    }

    private DistributionIT.Result verify(String unit) throws IOException, InterruptedException {
        Path file = work.resolve("userpool.service");
        Files.writeString(file, unit);
        return DistributionIT.run(List.of(analyze.toString(), "verify", file.toString()),
                Map.of("PATH", System.getenv("PATH"), "SYSTEMD_LOG_COLOR", "0"));
    }
}
