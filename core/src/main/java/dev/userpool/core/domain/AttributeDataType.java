package dev.userpool.core.domain;

/** The data types of the pool's attributes this pool keeps: Cognito's {@code String} and {@code Number}. */
public enum AttributeDataType {
    STRING("String"), NUMBER("Number");

    private final String cognitoName;

    AttributeDataType(String cognitoName) {
        this.cognitoName = cognitoName;
    }

    /** The {@code AttributeDataType} spelling of Cognito's API. */
    public String cognitoName() {
        return cognitoName;
    }

    /** {@code InvalidParameter} for a type this pool does not keep (Cognito's DateTime and Boolean among them). */
    public static AttributeDataType fromCognito(String name) {
        for (AttributeDataType t : values()) {
            if (t.cognitoName.equals(name)) return t;
        }
        throw new UserPoolException(ErrorCode.INVALID_PARAMETER,
                "Invalid AttributeDataType input, consider using the provided AttributeDataType enum: this pool keeps String and Number attributes.");
    }
}
