package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cognito's rules for a group's name, description, precedence and role, and the order tokens list groups in. */
class GroupTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Group group(String name, Optional<Integer> precedence) {
        return Group.create(new GroupName(name), Optional.empty(), precedence, Optional.empty(), T0);
    }

    private static void refused(Runnable make, String message) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(UserPoolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(e.getMessage()).startsWith("1 validation error detected: ").contains(message);
        });
    }

    @Test
    void namesFollowCognitosPatternAndLength() {
        assertThat(new GroupName("admins").value()).isEqualTo("admins");
        assertThat(new GroupName("Ops-Team_2.eu@east+€").value()).isEqualTo("Ops-Team_2.eu@east+€");
        assertThat(new GroupName("é".repeat(128)).value()).hasSize(128);
        refused(() -> new GroupName(""), "Member must have length greater than or equal to 1");
        refused(() -> new GroupName("x".repeat(129)), "Member must have length less than or equal to 128");
        refused(() -> new GroupName("two words"), "Member must satisfy regular expression pattern");
        refused(() -> new GroupName("tab\there"), "at 'groupName'");
    }

    @Test
    void descriptionPrecedenceAndRoleArnHaveCognitosLimits() {
        Group.create(new GroupName("g"), Optional.of("d".repeat(2048)), Optional.of(0), Optional.of("arn:aws:iam::123456789012:role/Readers"), T0);
        refused(() -> Group.create(new GroupName("g"), Optional.of("d".repeat(2049)), Optional.empty(), Optional.empty(), T0),
                "at 'description' failed to satisfy constraint: Member must have length less than or equal to 2048");
        refused(() -> Group.create(new GroupName("g"), Optional.empty(), Optional.of(-1), Optional.empty(), T0),
                "Value '-1' at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0");
        refused(() -> Group.create(new GroupName("g"), Optional.empty(), Optional.empty(), Optional.of("not-an-arn-at-all-really"), T0),
                "at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern");
        refused(() -> new GroupUpdate(Optional.empty(), Optional.of(-5), Optional.empty()), "at 'precedence'");
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() {
        Group g = Group.create(new GroupName("g"), Optional.of("old"), Optional.of(3), Optional.empty(), T0);
        Group changed = g.apply(new GroupUpdate(Optional.empty(), Optional.of(1), Optional.empty()), T0.plusSeconds(60));
        assertThat(changed.description()).isEqualTo("old");
        assertThat(changed.precedence()).contains(1);
        assertThat(changed.createdAt()).isEqualTo(T0);
        assertThat(changed.lastModifiedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void tokensListGroupsByPrecedenceThenThoseWithoutThenByName() {
        List<Group> groups = new ArrayList<>(List.of(group("zeta", Optional.empty()), group("beta", Optional.of(5)),
                group("alpha", Optional.of(5)), group("gamma", Optional.of(0)), group("delta", Optional.empty())));
        groups.sort(Group.TOKEN_ORDER);
        assertThat(groups).extracting(g -> g.name().value()).containsExactly("gamma", "alpha", "beta", "delta", "zeta");
    }

    @Test
    void theClaimAddsAConfiguredAdministratorsGroupOnceAndKeepsTheOrder() {
        List<GroupRank> stored = List.of(new GroupRank(new GroupName("riders"), Optional.of(2)),
                new GroupRank(new GroupName("admins"), Optional.of(1)), new GroupRank(new GroupName("beta"), Optional.empty()));
        assertThat(GroupRank.claim(stored, List.of("admins"))).containsExactly("admins", "riders", "beta");
        assertThat(GroupRank.claim(List.of(new GroupRank(new GroupName("riders"), Optional.of(2))), List.of("admins")))
                .containsExactly("riders", "admins");
        assertThat(GroupRank.claim(List.of(), List.of())).isEmpty();
    }
}
