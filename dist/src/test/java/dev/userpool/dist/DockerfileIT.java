package dev.userpool.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code dist/Dockerfile} cannot be built here (no container engine), so what can be checked without one
 * is: it only puts this build's tarball on a pinned Debian slim base (no JRE installed, no package
 * manager run), runs as a non-root user with {@code /data} as a volume, and has a health check.
 * The health check's command itself runs against the real service in {@link DistributionIT}.
 */
class DockerfileIT {
    private static final Pattern HEALTH_CHECK = Pattern.compile("CMD \\[\"bash\", \"-c\", \"((?:[^\"\\\\]|\\\\.)*)\"\\]");

    @Test
    void itCopiesThisBuildsTarballOntoAPinnedSlimBaseAndRunsItUnprivileged() {
        String dockerfile = dockerfile();
        List<String> from = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).singleElement().asString().matches("FROM debian:[a-z]+-\\d{8}-slim(@sha256:[0-9a-f]{64})?");
        assertThat(dockerfile).as("the version the image unpacks").contains("ARG VERSION=" + System.getProperty("dist.version"));
        assertThat(dockerfile).contains("ADD userpool-${VERSION}-linux-x64.tar.gz /opt/");
        assertThat(dockerfile.toLowerCase()).as("the runtime is in the tarball").doesNotContain("apt-get", "openjdk", "jre", "apk ");
        assertThat(dockerfile).contains("USER userpool", "VOLUME [\"/data\"]", "USERPOOL_DATA_DIR=/data", "HEALTHCHECK ",
                "ENTRYPOINT [\"/opt/userpool/bin/userpool\"]");
        assertThat(healthCheckScript()).contains("/health");
    }

    /** The health check's bash script, as Docker hands it to bash (JSON string escapes undone). */
    static String healthCheckScript() {
        Matcher m = HEALTH_CHECK.matcher(dockerfile());
        assertThat(m.find()).as("a HEALTHCHECK ... CMD [\"bash\", \"-c\", \"...\"]").isTrue();
        return m.group(1).replaceAll("\\\\(.)", "$1");
    }

    private static String dockerfile() {
        try {
            return Files.readString(Path.of(System.getProperty("dist.dockerfile")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
