package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserPoolException;
import java.io.BufferedReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CSV of Cognito's user import jobs for a pool with the standard attributes: the header is what
 * {@code GetCSVHeader} returns for such a pool, one account a row. userpool's pools name users by
 * their email address, so {@code cognito:username} is the address (Cognito gives each imported user a
 * new {@code sub}; the old id does not move). Only {@code email} and {@code email_verified} carry
 * values: the accounts have no other attributes yet, and no MFA ({@code cognito:mfa_enabled} false).
 *
 * <p>Reading is strict, so that nothing is imported from a file that means something else: the
 * header's columns must be Cognito's, each row as wide as the header, every value one that the
 * import can carry over. The whole file is checked before the first account is created.
 */
public final class CognitoUserCsv {
    /** {@code GetCSVHeader}'s answer for a pool with only the standard attributes, in its order. */
    public static final List<String> HEADER = List.of("name", "given_name", "family_name", "middle_name", "nickname",
            "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
            "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
            "cognito:mfa_enabled", "cognito:username");
    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";
    static final String USERNAME = "cognito:username";
    static final String MFA = "cognito:mfa_enabled";
    static final String PHONE_VERIFIED = "phone_number_verified";

    private CognitoUserCsv() {}

    public static void writeHeader(Writer out) {
        Csv.write(out, HEADER);
    }

    public static void write(Writer out, EmailAddress email, boolean emailVerified) {
        List<String> row = new ArrayList<>();
        for (String column : HEADER) {
            row.add(switch (column) {
                case EMAIL, USERNAME -> email.value();
                case EMAIL_VERIFIED -> Boolean.toString(emailVerified);
                case MFA, PHONE_VERIFIED -> "false";
                default -> "";
            });
        }
        Csv.write(out, row);
    }

    /** Every account in {@code in}, or a {@link MigrationFileException} naming the first line that is wrong. */
    public static List<MovedUser> read(BufferedReader in) {
        Csv.Reader reader = new Csv.Reader(in);
        Csv.Record header = reader.next().orElseThrow(() -> new MigrationFileException(1, "the file is empty; "
                + "expected Cognito's CSV header"));
        Map<String, Integer> columns = columns(header);
        List<MovedUser> users = new ArrayList<>();
        Set<EmailAddress> seen = new HashSet<>();
        for (Optional<Csv.Record> next = reader.next(); next.isPresent(); next = reader.next()) {
            Csv.Record row = next.get();
            if (row.fields().size() != header.fields().size()) {
                throw new MigrationFileException(row.line(), row.fields().size() + " fields where the header has "
                        + header.fields().size());
            }
            MovedUser user = user(row, columns);
            if (!seen.add(user.email())) {
                throw new MigrationFileException(row.line(), user.email().value() + " is on an earlier line too");
            }
            users.add(user);
        }
        return users;
    }

    private static Map<String, Integer> columns(Csv.Record header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            if (!HEADER.contains(name)) {
                throw new MigrationFileException(header.line(), "unknown column '" + name + "'; the columns are those of "
                        + "Cognito's GetCSVHeader: " + String.join(",", HEADER));
            }
            if (columns.put(name, i) != null) throw new MigrationFileException(header.line(), "column '" + name + "' twice");
        }
        for (String required : List.of(USERNAME, EMAIL, EMAIL_VERIFIED)) {
            if (!columns.containsKey(required)) {
                throw new MigrationFileException(header.line(), "no '" + required + "' column");
            }
        }
        return columns;
    }

    private static MovedUser user(Csv.Record row, Map<String, Integer> columns) {
        int line = row.line();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String name = column.getKey();
            String value = row.fields().get(column.getValue()).strip();
            boolean carried = name.equals(EMAIL) || name.equals(EMAIL_VERIFIED) || name.equals(USERNAME);
            boolean harmless = value.isEmpty() || ((name.equals(MFA) || name.equals(PHONE_VERIFIED))
                    && value.equalsIgnoreCase("false"));
            if (!carried && !harmless) {
                throw new MigrationFileException(line, "column '" + name + "' has a value; this import carries over only "
                        + "email and email_verified, so it would be lost");
            }
        }
        String address = row.fields().get(columns.get(EMAIL)).strip();
        if (address.isEmpty()) throw new MigrationFileException(line, "no email address");
        EmailAddress email;
        try {
            email = new EmailAddress(address);
        } catch (UserPoolException e) {
            throw new MigrationFileException(line, "'" + address + "' is not an email address");
        }
        String username = row.fields().get(columns.get(USERNAME)).strip();
        if (!username.toLowerCase(Locale.ROOT).equals(email.value())) {
            throw new MigrationFileException(line, "cognito:username '" + username + "' is not the email address: "
                    + "userpool's Cognito pools name users by their address");
        }
        String verified = row.fields().get(columns.get(EMAIL_VERIFIED)).strip().toLowerCase(Locale.ROOT);
        if (!verified.equals("true") && !verified.equals("false")) {
            throw new MigrationFileException(line, "email_verified is '" + verified + "'; expected true or false");
        }
        return new MovedUser(email, verified.equals("true"), line);
    }
}
