package dev.userpool.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2SettingsTest {

    @Test
    void byDefaultOwaspsFirstRecommendation() {
        assertThat(Argon2Settings.from(new Environment(Map.of()))).isEqualTo(new Argon2Settings(19_456, 2, 1));
    }

    @Test
    void eachValueIsRead() {
        Map<String, String> env = Map.of("USERPOOL_ARGON2_MEMORY_KIB", "47104", "USERPOOL_ARGON2_ITERATIONS", "1",
                "USERPOOL_ARGON2_PARALLELISM", "2");
        assertThat(Argon2Settings.from(new Environment(env))).isEqualTo(new Argon2Settings(47_104, 1, 2));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertThat(Argon2Settings.from(new Environment(Map.of("USERPOOL_ARGON2_MEMORY_KIB", "4194304",
                "USERPOOL_ARGON2_ITERATIONS", "100", "USERPOOL_ARGON2_PARALLELISM", "16"))))
                .isEqualTo(new Argon2Settings(4_194_304, 100, 16));
        assertThat(Argon2Settings.from(new Environment(Map.of("USERPOOL_ARGON2_MEMORY_KIB", "8",
                "USERPOOL_ARGON2_ITERATIONS", "1"))))
                .isEqualTo(new Argon2Settings(8, 1, 1));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "USERPOOL_ARGON2_MEMORY_KIB|19MiB|from 8 to 4194304",
            "USERPOOL_ARGON2_MEMORY_KIB|7|from 8 to 4194304",
            "USERPOOL_ARGON2_MEMORY_KIB|4194305|from 8 to 4194304",
            "USERPOOL_ARGON2_ITERATIONS|0|from 1 to 100",
            "USERPOOL_ARGON2_ITERATIONS|101|from 1 to 100",
            "USERPOOL_ARGON2_ITERATIONS|two|from 1 to 100",
            "USERPOOL_ARGON2_PARALLELISM|0|from 1 to 16",
            "USERPOOL_ARGON2_PARALLELISM|17|from 1 to 16",
            "USERPOOL_ARGON2_PARALLELISM|-1|from 1 to 16"})
    void aValueOutOfBoundsStopsStartUpNamingTheVariable(String name, String value, String says) {
        assertThatThrownBy(() -> Argon2Settings.from(new Environment(Map.of(name, value))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith(name + "=" + value + " ")
                .hasMessageContaining(says);
    }

    @Test
    void tooLittleMemoryForTheLanesSaysWhyAndNamesBoth() {
        assertThatThrownBy(() -> Argon2Settings.from(new Environment(Map.of("USERPOOL_ARGON2_MEMORY_KIB", "16",
                "USERPOOL_ARGON2_PARALLELISM", "4"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("USERPOOL_ARGON2_MEMORY_KIB=16")
                .hasMessageContaining("USERPOOL_ARGON2_PARALLELISM=4")
                .hasMessageContaining("at least 32");
    }
}
