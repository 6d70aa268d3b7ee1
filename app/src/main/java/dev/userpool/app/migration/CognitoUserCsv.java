package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserAttributes;
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
 * new {@code sub}; the old id does not move). Every standard attribute an account has fills its column,
 * and each of the pool's custom attributes has a column of its own ({@code custom:…}, before
 * {@code cognito:mfa_enabled}, where GetCSVHeader puts them); the accounts have no MFA
 * ({@code cognito:mfa_enabled} false) and no phone number verified by a code ({@code phone_number_verified} false).
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

    static final String CUSTOM_PREFIX = "custom:";

    /** The header for a pool with these custom attributes ({@code custom:…} names), as GetCSVHeader orders it. */
    public static List<String> header(List<String> customAttributes) {
        List<String> header = new ArrayList<>(HEADER.subList(0, HEADER.indexOf(MFA)));
        for (String name : customAttributes) {
            if (!name.startsWith(CUSTOM_PREFIX)) throw new IllegalArgumentException("not a custom attribute: " + name);
            header.add(name);
        }
        header.addAll(HEADER.subList(HEADER.indexOf(MFA), HEADER.size()));
        return List.copyOf(header);
    }

    public static void writeHeader(Writer out) {
        Csv.write(out, HEADER);
    }

    public static void writeHeader(Writer out, List<String> header) {
        Csv.write(out, header);
    }

    public static void write(Writer out, EmailAddress email, boolean emailVerified) {
        write(out, HEADER, email, emailVerified, UserAttributes.none());
    }

    /** One account under {@code header} ({@link #header}): an attribute without a column there would be lost, and is refused. */
    public static void write(Writer out, List<String> header, EmailAddress email, boolean emailVerified, UserAttributes attributes) {
        for (String name : attributes.values().keySet()) {
            if (!header.contains(name)) throw new IllegalArgumentException("no column for the attribute " + name);
        }
        List<String> row = new ArrayList<>();
        for (String column : header) {
            row.add(switch (column) {
                case EMAIL, USERNAME -> email.value();
                case EMAIL_VERIFIED -> Boolean.toString(emailVerified);
                case MFA, PHONE_VERIFIED -> "false";
                default -> attributes.get(column).orElse("");
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
            if (!HEADER.contains(name) && !isCustom(name)) {
                throw new MigrationFileException(header.line(), "unknown column '" + name + "'; the columns are those of "
                        + "Cognito's GetCSVHeader: " + String.join(",", HEADER) + ", and custom:… for custom attributes");
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

    private static boolean isCustom(String column) {
        return column.startsWith(CUSTOM_PREFIX) && column.length() > CUSTOM_PREFIX.length();
    }

    private static MovedUser user(Csv.Record row, Map<String, Integer> columns) {
        int line = row.line();
        Map<String, String> attributes = new java.util.TreeMap<>();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String name = column.getKey();
            // attribute values keep their spaces: only the structural columns are stripped
            String raw = row.fields().get(column.getValue());
            String value = raw.strip();
            if (name.equals(EMAIL) || name.equals(EMAIL_VERIFIED) || name.equals(USERNAME)) continue;
            if (name.equals(MFA) || name.equals(PHONE_VERIFIED)) {
                if (!value.isEmpty() && !value.equalsIgnoreCase("false")) {
                    throw new MigrationFileException(line, "column '" + name + "' is '" + value + "'; this import sets up no "
                            + "MFA and verifies no phone number, so it would be lost");
                }
                continue;
            }
            if (!value.isEmpty()) attributes.put(name, raw);
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
        return new MovedUser(email, verified.equals("true"), UserAttributes.of(attributes), line);
    }
}
