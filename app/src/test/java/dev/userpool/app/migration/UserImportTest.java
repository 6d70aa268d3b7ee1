package dev.userpool.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AccountImport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import interrupted and resumed, on a target that counts every account it is asked to create. */
class UserImportTest {
    @TempDir
    Path dir;

    /** The target pool: every account and group it holds, and how often it was asked for each. */
    static final class CountingTarget implements AccountImport {
        final Map<EmailAddress, Boolean> pool = new HashMap<>();
        final Map<EmailAddress, Integer> asked = new HashMap<>();
        final Map<GroupName, java.util.Set<EmailAddress>> groups = new HashMap<>();
        final Map<String, Integer> groupCalls = new HashMap<>();

        @Override
        public Result createGroup(GroupName name, String description, java.util.Optional<Integer> precedence,
                                  java.util.Optional<String> roleArn) {
            groupCalls.merge("create " + name.value(), 1, Integer::sum);
            if (groups.containsKey(name)) return Result.ALREADY_EXISTS;
            groups.put(name, new java.util.HashSet<>());
            return Result.CREATED;
        }

        @Override
        public void addToGroup(GroupName group, EmailAddress member) {
            groupCalls.merge("add " + group.value() + " " + member.value(), 1, Integer::sum);
            if (!pool.containsKey(member)) throw UserPoolException.userNotFound();
            if (!groups.containsKey(group)) throw dev.userpool.core.domain.GroupRules.groupNotFound();
            groups.get(group).add(member);
        }

        @Override
        public Result create(EmailAddress email, boolean emailVerified, dev.userpool.core.domain.UserAttributes attributes) {
            asked.merge(email, 1, Integer::sum);
            if (pool.containsKey(email)) return Result.ALREADY_EXISTS;
            pool.put(email, emailVerified);
            return Result.CREATED;
        }
    }

    /** Creates accounts only; the tests that use it import no groups. */
    @FunctionalInterface
    interface Creation {
        AccountImport.Result create(EmailAddress email, boolean emailVerified, dev.userpool.core.domain.UserAttributes attributes);
    }

    static AccountImport accountsOnly(Creation creation) {
        return new AccountImport() {
            @Override
            public Result create(EmailAddress email, boolean emailVerified, dev.userpool.core.domain.UserAttributes attributes) {
                return creation.create(email, emailVerified, attributes);
            }

            @Override
            public Result createGroup(GroupName name, String description, java.util.Optional<Integer> precedence,
                                      java.util.Optional<String> roleArn) {
                throw new AssertionError("this test imports no groups");
            }

            @Override
            public void addToGroup(GroupName group, EmailAddress member) {
                throw new AssertionError("this test imports no groups");
            }
        };
    }

    /** Stands in for the process being killed: the call numbered {@code at} never returns. */
    static final class Killed extends RuntimeException {}

    private static List<MovedUser> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> new MovedUser(new EmailAddress("user" + i + "@example.com"), i % 2 == 0, i + 2))
                .toList();
    }

    private ImportReport run(AccountImport target, List<MovedUser> users) {
        try (ImportState state = ImportState.open(dir.resolve("users.csv.import-state"))) {
            return new UserImport(target, state).run(users, new Progress(new PrintWriter(new StringWriter()), false, users.size()));
        }
    }

    @Test
    void anImportKilledHalfWayResumesAndMovesEveryAccountExactlyOnce() {
        CountingTarget pool = new CountingTarget();
        List<MovedUser> users = users(10);
        int[] calls = {0};
        // killed after Cognito created the 6th account but before the import wrote it down
        AccountImport dying = accountsOnly((email, verified, attributes) -> {
            AccountImport.Result result = pool.create(email, verified, attributes);
            if (++calls[0] == 6) throw new Killed();
            return result;
        });
        assertThatThrownBy(() -> run(dying, users)).isInstanceOf(Killed.class);
        assertThat(pool.pool).hasSize(6);

        ImportReport resumed = run(pool, users);

        assertThat(resumed).isEqualTo(new ImportReport(10, 4, 1, 5, List.of(), 0));
        assertThat(resumed.complete()).isTrue();
        assertThat(pool.pool).hasSize(10);
        users.forEach(u -> assertThat(pool.pool.get(u.email())).as(u.email().value()).isEqualTo(u.emailVerified()));
        assertThat(pool.asked.values()).as("only the account whose creation was not written down is asked twice")
                .containsOnly(1, 2).filteredOn(n -> n == 2).hasSize(1);

        ImportReport again = run(pool, users);
        assertThat(again).isEqualTo(new ImportReport(10, 0, 0, 10, List.of(), 0));
    }

    @Test
    void accountsTheTargetRefusesAreReportedWithTheirReasonAndTriedAgainNextTime() {
        CountingTarget pool = new CountingTarget();
        List<MovedUser> users = users(4);
        AccountImport refusing = accountsOnly((email, verified, attributes) -> {
            if (email.value().startsWith("user2@")) throw UserPoolException.invalidParameter("email", "refused by a trigger");
            return pool.create(email, verified, attributes);
        });

        ImportReport first = run(refusing, users);

        assertThat(first.created()).isEqualTo(3);
        assertThat(first.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.email()).isEqualTo("user2@example.com");
            assertThat(f.reason()).startsWith("InvalidParameter: ").contains("refused by a trigger");
        });
        assertThat(first.complete()).isFalse();
        StringWriter printed = new StringWriter();
        first.print(new PrintWriter(printed));
        assertThat(printed.toString()).contains("Created 3, skipped as existing 0, done by an earlier run 0, failed 1 (of 4)",
                "failed: line 4, user2@example.com: InvalidParameter:");

        ImportReport second = run(pool, users);
        assertThat(second).isEqualTo(new ImportReport(4, 1, 0, 3, List.of(), 0));
    }

    @Test
    void aTargetThatStaysUnreachableStopsTheRunInsteadOfFailingEveryAccount() {
        List<MovedUser> users = users(20);
        int[] calls = {0};
        AccountImport down = accountsOnly((email, verified, attributes) -> {
            calls[0]++;
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito cannot be reached.");
        });

        ImportReport report = run(down, users);

        assertThat(calls[0]).isEqualTo(UserImport.UNREACHABLE_IN_A_ROW);
        assertThat(report.failures()).hasSize(UserImport.UNREACHABLE_IN_A_ROW);
        assertThat(report.notTried()).isEqualTo(20 - UserImport.UNREACHABLE_IN_A_ROW);
        StringWriter printed = new StringWriter();
        report.print(new PrintWriter(printed));
        assertThat(printed.toString()).contains("not tried 15", "Run the same command again to resume");
    }

    @Test
    void aLineCutShortByACrashIsNotCountedAsDone() throws Exception {
        Path file = dir.resolve("state");
        Files.writeString(file, "# userpool users import\nuser0@example.com\nuser1@exa");
        try (ImportState state = ImportState.open(file)) {
            assertThat(state.isDone(new EmailAddress("user0@example.com"))).isTrue();
            assertThat(state.doneCount()).isEqualTo(1);
            state.markDone(new EmailAddress("user1@example.com"));
        }
        try (ImportState state = ImportState.open(file)) {
            assertThat(state.doneCount()).isEqualTo(2);
        }
        assertThat(Files.readString(file)).isEqualTo("# userpool users import\nuser0@example.com\nuser1@example.com\n");
        Files.writeString(file, "not an address\n");
        assertThatThrownBy(() -> ImportState.open(file)).isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("is not an email address; is this the import's state file?");
    }

    @Test
    void progressIsABarOnATerminalAndATenthALineOtherwise() {
        StringWriter plain = new StringWriter();
        Progress lines = new Progress(new PrintWriter(plain), false, 20);
        for (int i = 0; i <= 20; i++) lines.at(i, "user" + i + "@example.com");
        assertThat(plain.toString().lines()).hasSize(11).first().isEqualTo("0/20 accounts");
        assertThat(plain.toString()).doesNotContain("@example.com").endsWith("20/20 accounts" + System.lineSeparator());

        StringWriter bar = new StringWriter();
        Progress terminal = new Progress(new PrintWriter(bar), true, 4);
        terminal.at(2, "user2@example.com");
        assertThat(bar.toString()).startsWith("\r[" + "#".repeat(15) + " ".repeat(15) + "] 2/4 user2@example.com");
    }
}
