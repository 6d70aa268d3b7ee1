package dev.userpool.srp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CognitoTimestampTest {

    @ParameterizedTest
    @CsvSource({
            "2017-04-05T22:42:34Z, Wed Apr 5 22:42:34 UTC 2017",
            "2021-01-01T00:00:09.999Z, Fri Jan 1 00:00:09 UTC 2021",
            "2024-02-29T13:14:15Z, Thu Feb 29 13:14:15 UTC 2024",
            "2030-12-31T23:59:59Z, Tue Dec 31 23:59:59 UTC 2030"})
    void writesTheDayUnpaddedAndReadsItBack(String instant, String text) {
        assertThat(CognitoTimestamp.format(Instant.parse(instant))).isEqualTo(text);
        assertThat(CognitoTimestamp.parse(text)).contains(Instant.parse(instant).with(java.time.temporal.ChronoField.MILLI_OF_SECOND, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Wed Apr 05 22:42:34 UTC 2017",   // zero-padded day
            "Thu Apr 5 22:42:34 UTC 2017",    // wrong weekday
            "Wed Apr 5 22:42:34 GMT 2017",
            "Wed Apr  5 22:42:34 UTC 2017",
            "wed apr 5 22:42:34 UTC 2017",
            "2017-04-05T22:42:34Z",
            "",
            "Wed Apr 5 22:42:34 UTC 2017 "})
    void refusesAnythingButCognitosExactText(String text) {
        assertThat(CognitoTimestamp.parse(text)).isEmpty();
    }
}
