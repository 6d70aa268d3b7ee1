package dev.userpool.core.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One attribute of the pool's schema, as Cognito's {@code SchemaAttributeType} describes it: its name
 * ({@code custom:…} for the pool's own), data type, whether it may change after the account was created,
 * and its limits — a string's length, a number's value. {@link #problemWith} says what is wrong with a
 * value, in Cognito's words; the standard attributes add their formats (a date of birth, an E.164 phone
 * number, a time in seconds).
 */
public record AttributeDefinition(String name, AttributeDataType type, boolean mutable, Optional<Long> min,
                                  Optional<Long> max, Format format) {
    public static final String CUSTOM_PREFIX = "custom:";
    /** Cognito's limit on a custom attribute's name, without the prefix. */
    public static final int MAX_CUSTOM_NAME = 20;
    /** Cognito's longest string attribute. */
    public static final long MAX_STRING = 2048;

    /** What a standard attribute's value must look like beyond its type and limits. */
    public enum Format { ANY, BIRTHDATE, PHONE_NUMBER, EPOCH_SECONDS }

    private static final Pattern E164 = Pattern.compile("\\+[0-9]{1,15}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /** Cognito's pattern for a custom attribute's name: letters, marks, symbols, numbers, punctuation. */
    private static final Pattern CUSTOM_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(format, "format");
    }

    static AttributeDefinition standardString(String name) {
        return new AttributeDefinition(name, AttributeDataType.STRING, true, Optional.of(0L), Optional.of(MAX_STRING), Format.ANY);
    }

    /**
     * A custom attribute as AddCustomAttributes declares it: {@code shortName} without the prefix
     * (1–20 characters of Cognito's pattern), String limits as lengths (default 0–2048), Number limits
     * as values (default none). {@code InvalidParameter} with AWS's validation wording otherwise.
     */
    public static AttributeDefinition custom(String shortName, AttributeDataType type, boolean mutable, Optional<Long> min,
                                             Optional<Long> max) {
        Objects.requireNonNull(shortName, "shortName");
        if (shortName.isEmpty() || shortName.length() > MAX_CUSTOM_NAME) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "1 validation error detected: Value '" + shortName
                    + "' at 'customAttributes.member.name' failed to satisfy constraint: Member must have length "
                    + (shortName.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_CUSTOM_NAME));
        }
        if (!CUSTOM_NAME.matcher(shortName).matches()) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "1 validation error detected: Value '" + shortName
                    + "' at 'customAttributes.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        }
        if (type == AttributeDataType.STRING) {
            long lo = min.orElse(0L);
            long hi = max.orElse(MAX_STRING);
            if (lo < 0 || hi > MAX_STRING || lo > hi) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER,
                        "Invalid StringAttributeConstraints: MinLength and MaxLength must be between 0 and 2048, MinLength not above MaxLength.");
            }
            return new AttributeDefinition(CUSTOM_PREFIX + shortName, type, mutable, Optional.of(lo), Optional.of(hi), Format.ANY);
        }
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER,
                    "Invalid NumberAttributeConstraints: MinValue must not be above MaxValue.");
        }
        return new AttributeDefinition(CUSTOM_PREFIX + shortName, type, mutable, min, max, Format.ANY);
    }

    public boolean isCustom() {
        return name.startsWith(CUSTOM_PREFIX);
    }

    /** What is wrong with {@code value} for this attribute, in Cognito's words; empty when nothing. */
    public Optional<String> problemWith(String value) {
        Objects.requireNonNull(value, "value");
        if (type == AttributeDataType.NUMBER) return numberProblem(value);
        int length = value.codePointCount(0, value.length());
        if (max.isPresent() && length > max.get()) {
            return Optional.of("String must be no longer than " + max.get() + " characters");
        }
        if (min.isPresent() && length < min.get()) {
            return Optional.of("String must be no shorter than " + min.get() + " characters");
        }
        return switch (format) {
            case BIRTHDATE -> isDate(value) ? Optional.empty()
                    : Optional.of("The attribute must be a date in the format YYYY-MM-DD");
            case PHONE_NUMBER -> E164.matcher(value).matches() ? Optional.empty() : Optional.of("Invalid phone number format.");
            default -> Optional.empty();
        };
    }

    private Optional<String> numberProblem(String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return Optional.of("Number must be a valid number");
        }
        if (format == Format.EPOCH_SECONDS && (number.scale() > 0 || number.signum() < 0)) {
            return Optional.of("Number must be a whole number of seconds since 1970-01-01T00:00:00Z");
        }
        if (min.isPresent() && number.compareTo(BigDecimal.valueOf(min.get())) < 0) {
            return Optional.of("Number must be no less than " + min.get());
        }
        if (max.isPresent() && number.compareTo(BigDecimal.valueOf(max.get())) > 0) {
            return Optional.of("Number must be no greater than " + max.get());
        }
        return Optional.empty();
    }

    private static boolean isDate(String value) {
        if (value.length() != 10) return false;
        try {
            LocalDate.parse(value, DATE);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
