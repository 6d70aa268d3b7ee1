package dev.userpool.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A password read from standard input: its first line, without the line break (as `printf '%s\n' … |` gives it). */
final class StdinSecret {
    private StdinSecret() {}

    static String read(InputStream in, picocli.CommandLine cli) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(cli, "Give the password on standard input (one line).");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the password from standard input", e);
        }
    }
}
