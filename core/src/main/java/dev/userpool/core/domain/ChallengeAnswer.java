package dev.userpool.core.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a sign-in challenge that the directory posed ({@code SignInChallenges}) — such as the
 * {@code PASSWORD_VERIFIER} challenge of SRP's first step — handed back to it.
 * Opaque to the core: the challenge's name, the session that names the pending challenge, and the
 * answers by name. It never prints its session or answers, which may prove a password.
 */
public record ChallengeAnswer(String challengeName, String session, Map<String, String> answers) {
    public ChallengeAnswer {
        if (challengeName == null || challengeName.isBlank()) throw UserPoolException.invalidParameter("challengeName", "is required");
        if (session == null || session.isBlank()) throw UserPoolException.invalidParameter("session", "is required");
        Objects.requireNonNull(answers, "answers");
        Map<String, String> copy = new LinkedHashMap<>();
        answers.forEach((name, value) -> {
            if (name != null && value != null) copy.put(name, value);
        });
        answers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The named answer, or {@code InvalidParameter} naming it when it is missing or blank. */
    public String required(String name) {
        String value = answers.get(name);
        if (value == null || value.isBlank()) throw UserPoolException.invalidParameter(name, "is required");
        return value;
    }

    @Override
    public String toString() {
        return "ChallengeAnswer[challengeName=" + challengeName + ", session=***, answers=" + answers.keySet() + "]";
    }
}
