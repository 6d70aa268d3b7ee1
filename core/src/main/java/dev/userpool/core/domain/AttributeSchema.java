package dev.userpool.core.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's attribute schema: Cognito's standard attributes, with their formats and limits, and the
 * custom ones the pool declared (AddCustomAttributes; at most 50, never removed). It decides which
 * attribute values an account may hold and which may change after the account was created; the
 * refusals are Cognito's {@code InvalidParameterException} and its wording.
 */
public record AttributeSchema(List<AttributeDefinition> custom) {
    /** Cognito's limit on a pool's custom attributes. */
    public static final int MAX_CUSTOM = 50;
    public static final String SUB = "sub";
    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";
    /** What an account holds in its own fields ({@link User}), never among its {@link UserAttributes}. */
    public static final Set<String> ACCOUNT_FIELDS = Set.of(SUB, EMAIL, EMAIL_VERIFIED);
    public static final String PHONE_NUMBER_PROBLEM = "Invalid phone number format.";
    private static final String NOT_CONFORMING = "Attributes did not conform to the schema: ";

    private static final List<AttributeDefinition> STANDARD = standardAttributes();

    public AttributeSchema {
        custom = List.copyOf(custom);
        if (custom.size() > MAX_CUSTOM) throw tooMany();
        for (AttributeDefinition d : custom) {
            if (!d.isCustom()) throw new IllegalArgumentException("not a custom attribute: " + d.name());
        }
    }

    public static AttributeSchema standardOnly() {
        return new AttributeSchema(List.of());
    }

    private static List<AttributeDefinition> standardAttributes() {
        List<AttributeDefinition> all = new ArrayList<>();
        all.add(new AttributeDefinition(SUB, AttributeDataType.STRING, false, Optional.of(1L), Optional.of(AttributeDefinition.MAX_STRING),
                AttributeDefinition.Format.ANY));
        for (String name : List.of("name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
                "profile", "picture", "website", EMAIL, "gender")) {
            all.add(AttributeDefinition.standardString(name));
        }
        all.add(new AttributeDefinition("birthdate", AttributeDataType.STRING, true, Optional.of(10L), Optional.of(10L),
                AttributeDefinition.Format.BIRTHDATE));
        all.add(AttributeDefinition.standardString("zoneinfo"));
        all.add(AttributeDefinition.standardString("locale"));
        all.add(new AttributeDefinition("phone_number", AttributeDataType.STRING, true, Optional.of(0L),
                Optional.of(AttributeDefinition.MAX_STRING), AttributeDefinition.Format.PHONE_NUMBER));
        all.add(AttributeDefinition.standardString("address"));
        all.add(new AttributeDefinition("updated_at", AttributeDataType.NUMBER, true, Optional.of(0L), Optional.empty(),
                AttributeDefinition.Format.EPOCH_SECONDS));
        return List.copyOf(all);
    }

    /** Every attribute, standard first, then the custom ones in the order they were added (DescribeUserPool's SchemaAttributes). */
    public List<AttributeDefinition> all() {
        List<AttributeDefinition> all = new ArrayList<>(STANDARD);
        all.addAll(custom);
        return all;
    }

    /** The standard attributes, the same in every pool. */
    public static List<AttributeDefinition> standard() {
        return STANDARD;
    }

    public Optional<AttributeDefinition> find(String name) {
        if (EMAIL_VERIFIED.equals(name)) {
            return Optional.of(new AttributeDefinition(EMAIL_VERIFIED, AttributeDataType.STRING, true, Optional.empty(),
                    Optional.empty(), AttributeDefinition.Format.ANY));
        }
        for (AttributeDefinition d : STANDARD) if (d.name().equals(name)) return Optional.of(d);
        for (AttributeDefinition d : custom) if (d.name().equals(name)) return Optional.of(d);
        return Optional.empty();
    }

    public boolean has(String name) {
        return find(name).isPresent();
    }

    /**
     * The attributes an account is created with (sign-up): every name in the schema, every value
     * conforming. The account's own fields ({@link #ACCOUNT_FIELDS}) are the caller's to take out first.
     */
    public UserAttributes checkNew(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        values.forEach((name, value) -> problemOf(name, value).ifPresent(problems::add));
        throwIfAny(problems);
        return UserAttributes.of(values);
    }

    /**
     * The changes to an existing account: as {@link #checkNew}, and no attribute that is not mutable
     * (an immutable custom attribute is written once, when the account is created; {@code sub} never).
     */
    public Map<String, String> checkChanges(Map<String, String> changes) {
        List<String> problems = new ArrayList<>();
        changes.forEach((name, value) -> {
            Optional<String> problem = problemOf(name, value);
            if (problem.isEmpty() && !find(name).orElseThrow().mutable()) problem = Optional.of(name + ": Attribute cannot be updated.");
            problem.ifPresent(problems::add);
        });
        throwIfAny(problems);
        return Map.copyOf(changes);
    }

    /** Names to delete from an account: each in the schema and mutable. */
    public void checkDeletions(Collection<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            Optional<AttributeDefinition> d = find(name);
            if (d.isEmpty()) problems.add(name + ": Attribute does not exist in the schema.");
            else if (!d.get().mutable()) problems.add(name + ": Attribute cannot be updated.");
        }
        throwIfAny(problems);
    }

    /**
     * This schema with {@code added} custom attributes (AddCustomAttributes): none may exist already,
     * and the pool keeps at most {@link #MAX_CUSTOM}.
     */
    public AttributeSchema withCustom(List<AttributeDefinition> added) {
        if (added.isEmpty()) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "1 validation error detected: Value '[]' at "
                    + "'customAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        Map<String, AttributeDefinition> next = new LinkedHashMap<>();
        custom.forEach(d -> next.put(d.name(), d));
        for (AttributeDefinition d : added) {
            if (next.containsKey(d.name())) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER, d.name() + ": Existing attribute already has name " + d.name() + ".");
            }
            next.put(d.name(), d);
        }
        if (next.size() > MAX_CUSTOM) throw tooMany();
        return new AttributeSchema(new ArrayList<>(next.values()));
    }

    private Optional<String> problemOf(String name, String value) {
        Objects.requireNonNull(value, "value");
        Optional<AttributeDefinition> d = find(name);
        if (d.isEmpty()) return Optional.of(name + ": Attribute does not exist in the schema.");
        return d.get().problemWith(value).map(problem -> problem.equals(PHONE_NUMBER_PROBLEM) ? problem : name + ": " + problem);
    }

    private static void throwIfAny(List<String> problems) {
        if (problems.isEmpty()) return;
        // Cognito answers a bad phone number with its own message, not the schema's list.
        if (problems.contains(PHONE_NUMBER_PROBLEM)) throw new UserPoolException(ErrorCode.INVALID_PARAMETER, PHONE_NUMBER_PROBLEM);
        throw new UserPoolException(ErrorCode.INVALID_PARAMETER, NOT_CONFORMING + String.join("\n", problems) + "\n");
    }

    private static UserPoolException tooMany() {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER,
                "A user pool can have at most " + MAX_CUSTOM + " custom attributes.");
    }
}
