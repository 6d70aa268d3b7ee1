package dev.userpool.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.EmailAddress;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV of Cognito's user import: what is written, read back, and every way a file is refused. */
class CognitoUserCsvTest {
    static final String HEADER = "name,given_name,family_name,middle_name,nickname,preferred_username,profile,picture,"
            + "website,email,email_verified,gender,birthdate,zoneinfo,locale,phone_number,phone_number_verified,address,"
            + "updated_at,cognito:mfa_enabled,cognito:username";

    private static List<MovedUser> read(String text) {
        return CognitoUserCsv.read(new BufferedReader(new StringReader(text)));
    }

    private static String row(String email, String verified) {
        return ",,,,,,,,," + email + "," + verified + ",,,,,,false,,,false," + email;
    }

    @Test
    void writesCognitosHeaderAndOneRowAnAccountThatReadsBack() {
        StringWriter out = new StringWriter();
        CognitoUserCsv.writeHeader(out);
        CognitoUserCsv.write(out, new EmailAddress("alice@example.com"), true);
        CognitoUserCsv.write(out, new EmailAddress("bob@example.com"), false);

        assertThat(out.toString()).isEqualTo(HEADER + "\r\n" + row("alice@example.com", "true") + "\r\n"
                + row("bob@example.com", "false") + "\r\n");
        assertThat(read(out.toString())).containsExactly(
                new MovedUser(new EmailAddress("alice@example.com"), true, 2),
                new MovedUser(new EmailAddress("bob@example.com"), false, 3));
    }

    @Test
    void attributesFillTheirColumnsCustomOnesTooAndReadBack() {
        java.util.List<String> header = CognitoUserCsv.header(java.util.List.of("custom:plan"));
        assertThat(header).containsSubsequence("updated_at", "custom:plan", "cognito:mfa_enabled", "cognito:username");
        StringWriter out = new StringWriter();
        CognitoUserCsv.writeHeader(out, header);
        var attributes = dev.userpool.core.domain.UserAttributes.of(java.util.Map.of("name", "Alice, of Wonderland",
                "birthdate", "1865-11-26", "custom:plan", "gold"));
        CognitoUserCsv.write(out, header, new EmailAddress("alice@example.com"), true, attributes);

        assertThat(read(out.toString())).containsExactly(
                new MovedUser(new EmailAddress("alice@example.com"), true, attributes, 2));
        assertThatThrownBy(() -> CognitoUserCsv.write(new StringWriter(), HEADER_COLUMNS, new EmailAddress("a@example.com"),
                true, attributes)).as("an attribute without a column would be lost").isInstanceOf(IllegalArgumentException.class);
    }

    private static final java.util.List<String> HEADER_COLUMNS = CognitoUserCsv.HEADER;

    @Test
    void readsColumnsInAnyOrderQuotedFieldsAndBlankLines() {
        String text = "\uFEFFcognito:username,\"email\",email_verified,cognito:mfa_enabled\n\n"
                + "Carol@Example.com,\"carol@example.com\",TRUE,\n";
        assertThat(read(text)).containsExactly(new MovedUser(new EmailAddress("carol@example.com"), true, 3));
    }

    @Test
    void anUnknownColumnIsRefusedOnTheHeaderLine() {
        assertThatThrownBy(() -> read("email,email_verified,cognito:username,password_hash\n"))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("line 1: unknown column 'password_hash'")
                .hasMessageContaining("GetCSVHeader");
    }

    @Test
    void aHeaderWithoutTheColumnsAnImportNeedsIsRefused() {
        assertThatThrownBy(() -> read("email,email_verified\na@example.com,true\n"))
                .hasMessage("line 1: no 'cognito:username' column");
        assertThatThrownBy(() -> read("")).hasMessageStartingWith("line 1: the file is empty");
        assertThatThrownBy(() -> read("email,email,email_verified,cognito:username\n")).hasMessage("line 1: column 'email' twice");
    }

    @Test
    void aMalformedRowIsRefusedWithTheLineItStartsOn() {
        String text = HEADER + "\n" + row("a@example.com", "true") + "\n"
                + row("b@example.com", "true").replaceFirst("^", "\"two\nlines\"") + "\n"
                + "x@example.com,true\n";
        // a record is reported by the line it starts on, however many lines its quoted fields span
        assertThatThrownBy(() -> read(text)).isInstanceOf(MigrationFileException.class)
                .hasMessage("line 5: 2 fields where the header has 21");
        String shortRow = HEADER + "\n" + row("a@example.com", "true").replaceFirst("^", "\"\"") + "\n"
                + "\"quoted\nacross\",x@example.com,true\n";
        assertThatThrownBy(() -> read(shortRow)).hasMessage("line 3: 3 fields where the header has 21");
        assertThatThrownBy(() -> read(HEADER + "\n\"never closed,\n" + row("a@example.com", "true") + "\n"))
                .hasMessage("line 2: a quoted field is never closed");
        assertThatThrownBy(() -> read(HEADER + "\n" + row("a@exa\"mple.com", "true") + "\n"))
                .hasMessageStartingWith("line 2: a quote inside an unquoted field (column 10)");
    }

    @Test
    void valuesTheImportCannotCarryAreRefused() {
        assertThatThrownBy(() -> read(HEADER + "\n" + row("a@example.com", "yes") + "\n"))
                .hasMessage("line 2: email_verified is 'yes'; expected true or false");
        assertThatThrownBy(() -> read(HEADER + "\n" + row("not-an-address", "true") + "\n"))
                .hasMessage("line 2: 'not-an-address' is not an email address");
        assertThatThrownBy(() -> read(HEADER + "\n" + row("a@example.com", "true").replace(",false,a@example.com", ",false,6d1f-sub") + "\n"))
                .hasMessageStartingWith("line 2: cognito:username '6d1f-sub' is not the email address");
        assertThatThrownBy(() -> read(HEADER + "\n" + row("a@example.com", "true").replace(",false,a@", ",true,a@") + "\n"))
                .hasMessageStartingWith("line 2: column 'cognito:mfa_enabled' is 'true'");
        assertThatThrownBy(() -> read(HEADER + "\n" + row("a@example.com", "true") + "\n" + row("A@example.com", "false") + "\n"))
                .hasMessage("line 3: a@example.com is on an earlier line too");
    }
}
