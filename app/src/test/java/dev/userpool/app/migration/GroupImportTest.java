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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Groups and memberships moved after the accounts, interrupted and resumed, on a counting target. */
class GroupImportTest {
    @TempDir
    Path dir;

    private static final EmailAddress ANA = new EmailAddress("ana@example.com");
    private static final EmailAddress BEN = new EmailAddress("ben@example.com");
    private static final EmailAddress CAL = new EmailAddress("cal@example.com");

    private static final List<MovedGroup> GROUPS = List.of(
            new MovedGroup(new GroupName("admins"), "Operators", Optional.of(1), Optional.empty(), List.of(ANA)),
            new MovedGroup(new GroupName("readers"), "", Optional.empty(), Optional.empty(), List.of(ANA, BEN, CAL)));

    private static UserImportTest.CountingTarget poolWith(EmailAddress... accounts) {
        UserImportTest.CountingTarget pool = new UserImportTest.CountingTarget();
        for (EmailAddress a : accounts) pool.pool.put(a, true);
        return pool;
    }

    private GroupImportReport run(AccountImport target) {
        try (ImportState state = ImportState.open(dir.resolve("users.csv.import-state"))) {
            return new GroupImport(target, state).run(GROUPS, new Progress(new PrintWriter(new StringWriter()), false,
                    GroupImport.steps(GROUPS), "group steps"));
        }
    }

    @Test
    void groupsAndTheirMembersArriveAndASecondRunDoesNothingAgain() {
        UserImportTest.CountingTarget pool = poolWith(ANA, BEN, CAL);

        GroupImportReport first = run(pool);

        assertThat(first).isEqualTo(new GroupImportReport(2, 2, 0, 4, 0, List.of(), 0));
        assertThat(pool.groups).containsOnlyKeys(new GroupName("admins"), new GroupName("readers"));
        assertThat(pool.groups.get(new GroupName("readers"))).containsExactlyInAnyOrder(ANA, BEN, CAL);
        assertThat(run(pool)).isEqualTo(new GroupImportReport(2, 0, 0, 0, 6, List.of(), 0));
        assertThat(pool.groupCalls.values()).as("every step was sent once").containsOnly(1);
    }

    @Test
    void aMemberTheTargetLacksIsReportedTheOthersMoveAndTheNextRunRetriesOnlyIt() {
        UserImportTest.CountingTarget pool = poolWith(ANA, CAL);   // ben's account failed to import

        GroupImportReport first = run(pool);

        assertThat(first.membershipsAdded()).isEqualTo(3);
        assertThat(first.failures()).singleElement().satisfies(f -> {
            assertThat(f.group()).isEqualTo("readers");
            assertThat(f.member()).isEqualTo("ben@example.com");
            assertThat(f.reason()).startsWith("UserNotFound: ");
        });
        StringWriter printed = new StringWriter();
        first.print(new PrintWriter(printed));
        assertThat(printed.toString()).contains("Groups: created 2, skipped as existing 0, memberships added 3",
                "failed: ben@example.com into group readers: UserNotFound:");

        pool.pool.put(BEN, true);
        GroupImportReport second = run(pool);
        assertThat(second).isEqualTo(new GroupImportReport(2, 0, 0, 1, 5, List.of(), 0));
        assertThat(pool.groups.get(new GroupName("readers"))).contains(BEN);
    }

    @Test
    void anImportKilledBetweenTwoMembersResumesWithTheMemberItHadNotWrittenDown() {
        UserImportTest.CountingTarget pool = poolWith(ANA, BEN, CAL);
        int[] adds = {0};
        AccountImport dying = new Delegating(pool) {
            @Override
            public void addToGroup(GroupName group, EmailAddress member) {
                pool.addToGroup(group, member);
                if (++adds[0] == 3) throw new UserImportTest.Killed();   // added ben, never wrote it down
            }
        };
        assertThatThrownBy(() -> run(dying)).isInstanceOf(UserImportTest.Killed.class);

        GroupImportReport resumed = run(pool);

        assertThat(resumed).isEqualTo(new GroupImportReport(2, 0, 0, 2, 4, List.of(), 0));
        assertThat(pool.groups.get(new GroupName("readers"))).containsExactlyInAnyOrder(ANA, BEN, CAL);
        assertThat(pool.groupCalls).as("only the step not written down is sent twice")
                .containsEntry("add readers ben@example.com", 2).containsEntry("create readers", 1);
    }

    @Test
    void aGroupThatExistsIsLeftAsItIsAndStillGetsItsMembers() {
        UserImportTest.CountingTarget pool = poolWith(ANA, BEN, CAL);
        pool.groups.put(new GroupName("admins"), new java.util.HashSet<>(Set.of(CAL)));

        GroupImportReport report = run(pool);

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.existing()).isEqualTo(1);
        assertThat(pool.groups.get(new GroupName("admins"))).containsExactlyInAnyOrder(ANA, CAL);
    }

    @Test
    void aTargetThatStaysUnreachableStopsTheRunAndSaysHowMuchWasNotTried() {
        AccountImport down = new Delegating(poolWith()) {
            @Override
            public Result createGroup(GroupName name, String description, Optional<Integer> precedence, Optional<String> roleArn) {
                throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito cannot be reached.");
            }
        };
        List<MovedGroup> many = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> new MovedGroup(new GroupName("g" + i), "", Optional.empty(), Optional.empty(), List.of(ANA)))
                .toList();
        try (ImportState state = ImportState.open(dir.resolve("state"))) {
            GroupImportReport report = new GroupImport(down, state).run(many,
                    new Progress(new PrintWriter(new StringWriter()), false, GroupImport.steps(many), "group steps"));
            assertThat(report.failures()).hasSize(UserImport.UNREACHABLE_IN_A_ROW);
            assertThat(report.notTried()).isEqualTo(16 - 2 * UserImport.UNREACHABLE_IN_A_ROW);
            assertThat(report.complete()).isFalse();
        }
    }

    @Test
    void theStateFileKeepsAccountsGroupsAndMembershipsApartAcrossRuns() throws Exception {
        Path file = dir.resolve("state");
        try (ImportState state = ImportState.open(file)) {
            state.markDone(ANA);
            state.markDone(new GroupName("admins"));
            state.markDone(new GroupName("admins"), ANA);
        }
        try (ImportState state = ImportState.open(file)) {
            assertThat(state.isDone(ANA)).isTrue();
            assertThat(state.isDone(new GroupName("admins"))).isTrue();
            assertThat(state.isDone(new GroupName("admins"), ANA)).isTrue();
            assertThat(state.isDone(new GroupName("admins"), BEN)).isFalse();
            assertThat(state.isDone(new GroupName("readers"))).isFalse();
        }
        assertThat(Files.readAllLines(file)).contains("group\tadmins", "member\tadmins\tana@example.com");
    }

    /** A target that passes every call to another; tests override the calls they break. */
    private static class Delegating implements AccountImport {
        private final AccountImport to;

        Delegating(AccountImport to) {
            this.to = to;
        }

        @Override
        public Result create(EmailAddress email, boolean emailVerified, dev.userpool.core.domain.UserAttributes attributes) {
            return to.create(email, emailVerified, attributes);
        }

        @Override
        public Result createGroup(GroupName name, String description, Optional<Integer> precedence, Optional<String> roleArn) {
            return to.createGroup(name, description, precedence, roleArn);
        }

        @Override
        public void addToGroup(GroupName group, EmailAddress member) {
            to.addToGroup(group, member);
        }
    }
}
