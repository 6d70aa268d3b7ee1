package dev.userpool.app.http.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DeviceName of AdminListUserAuthEvents: browser and system for a browser, the first product otherwise. */
class DeviceNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36|Chrome 125, Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.51|Edge 125, Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15|Safari 17, Mac OS X",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.165 Mobile Safari/537.36|Chrome 125, Android",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|Firefox 128, Linux",
            "curl/8.5.0|curl 8.5",
            "aws-sdk-java/2.31.1 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.12|aws-sdk-java 2.31",
            "aws-cli/2.17.0 Python/3.11.9 Linux/6.1 exe/x86_64.debian.12 prompt/off command/cognito-idp.admin-initiate-auth|aws-cli 2.17",
            "Node|Node"})
    void namesWhatPeopleRecognise(String userAgent, String name) {
        assertThat(DeviceNames.of(Optional.of(userAgent))).contains(name);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void noUserAgentNoName(String userAgent) {
        assertThat(DeviceNames.of(Optional.of(userAgent))).isEmpty();
        assertThat(DeviceNames.of(Optional.empty())).isEmpty();
    }
}
