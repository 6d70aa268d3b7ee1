package dev.userpool.app.http.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.http.EvenTiming;
import dev.userpool.app.http.LocalCallers;
import dev.userpool.app.http.RequestBodies;
import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.AppClientAdministration;
import dev.userpool.core.port.in.AddressChange;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.AuditQueries;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.Registration;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cognito's user-pool API (AWS JSON 1.1) on {@code POST /}: the operation is named by
 * {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>}, answers are
 * {@code application/x-amz-json-1.1}, errors {@code {"__type": "…Exception", "message": …}} with the
 * {@code x-amzn-ErrorType} header. Served while the embedded directory holds the users; with another
 * directory (Cognito itself) every call says so. Browsers may call it from any origin, as Cognito's
 * endpoint allows; the admin operations never from a web page.
 */
public final class CognitoApi {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final Logger LOG = LoggerFactory.getLogger(CognitoApi.class);
    /** The operations whose answers could tell an existing account from an unknown one by their time. */
    private static final java.util.Set<String> EVEN_TIMING = java.util.Set.of("ConfirmSignUp", "ResendConfirmationCode",
            "ForgotPassword", "ConfirmForgotPassword");

    private final Optional<PoolApiSettings> pool;
    private final Map<String, Operation> operations;
    private final Optional<String> notServed;
    private final ObjectMapper json;

    private CognitoApi(Optional<PoolApiSettings> pool, Map<String, Operation> operations, Optional<String> notServed, ObjectMapper json) {
        this.pool = pool;
        this.operations = operations;
        this.notServed = notServed;
        this.json = json;
    }

    /**
     * The API of the embedded pool.
     *
     * @param callers who may call the admin operations with {@code USERPOOL_POOL_ADMIN=loopback}
     */
    public static CognitoApi serving(PoolApiSettings settings, LocalCallers callers, Registration registration,
                                     Authentication authentication, Administration administration, AuditQueries audit,
                                     AccountAttributes accountAttributes, PasswordAdministration passwords,
                                     GroupAdministration groupAdministration, AddressChange addressChange,
                                     AppClientAdministration appClients, ObjectMapper json,
                                     dev.userpool.core.port.in.ChoiceBasedSignIn choiceBasedSignIn, MultiFactor multiFactor) {
        LocalPool pool = new LocalPool(settings, callers, appClients);
        SignUpOperations signUp = new SignUpOperations(registration, pool);
        MfaOperations mfa = new MfaOperations(multiFactor, pool);
        // USER_AUTH and its challenges (issue 14), hooked into InitiateAuth and RespondToAuthChallenge
        AuthOperations auth = new AuthOperations(authentication, settings.srp(), pool, mfa,
                Optional.of(new UserAuthOperations(choiceBasedSignIn, pool)));
        SignInPolicyOperations signInPolicy = new SignInPolicyOperations(choiceBasedSignIn, pool);
        AccountOperations account = new AccountOperations(authentication, pool);
        AdminOperations admin = new AdminOperations(administration, pool);
        AdminAuthOperations adminAuth = new AdminAuthOperations(auth, pool);
        AuthEventsOperations authEvents = new AuthEventsOperations(audit);
        EmailChangeOperations emailChange = new EmailChangeOperations(addressChange);
        AttributeOperations attributes = new AttributeOperations(accountAttributes, authentication, pool);
        ListUsersOperation listing = new ListUsersOperation(administration, accountAttributes);
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("SignUp", signUp::signUp);
        ops.put("ConfirmSignUp", signUp::confirmSignUp);
        ops.put("ResendConfirmationCode", signUp::resendConfirmationCode);
        ops.put("InitiateAuth", auth::initiateAuth);
        ops.put("RespondToAuthChallenge", auth::respondToAuthChallenge);
        ops.put("GetTokensFromRefreshToken", auth::getTokensFromRefreshToken);
        ops.put("GetUser", mfa.withSettings(attributes::getUser));
        ops.put("UpdateUserAttributes", new UpdateUserAttributesOperation(accountAttributes, emailChange)::updateUserAttributes);
        ops.put("DeleteUserAttributes", attributes::deleteUserAttributes);
        ops.put("GlobalSignOut", account::globalSignOut);
        ops.put("RevokeToken", account::revokeToken);
        ops.put("ForgotPassword", account::forgotPassword);
        ops.put("ConfirmForgotPassword", account::confirmForgotPassword);
        ops.put("ChangePassword", account::changePassword);
        ops.put("DeleteUser", account::deleteUser);
        ops.put("VerifyUserAttribute", emailChange::verifyUserAttribute);
        ops.put("GetUserAttributeVerificationCode", emailChange::getUserAttributeVerificationCode);
        ops.put("AdminConfirmSignUp", admin.guarded("AdminConfirmSignUp", admin::confirmSignUp));
        ops.put("AdminGetUser", admin.guarded("AdminGetUser", mfa.withAdminSettings(admin::getUser)));
        ops.put("AdminUpdateUserAttributes", admin.guarded("AdminUpdateUserAttributes", attributes::adminUpdateUserAttributes));
        ops.put("AdminDeleteUserAttributes", admin.guarded("AdminDeleteUserAttributes", attributes::adminDeleteUserAttributes));
        ops.put("AdminDisableUser", admin.guarded("AdminDisableUser", admin::disableUser));
        ops.put("AdminEnableUser", admin.guarded("AdminEnableUser", admin::enableUser));
        ops.put("AdminDeleteUser", admin.guarded("AdminDeleteUser", admin::deleteUser));
        ops.put("AdminUserGlobalSignOut", admin.guarded("AdminUserGlobalSignOut", admin::userGlobalSignOut));
        // server-side sign-in (issue 13)
        ops.put("AdminInitiateAuth", admin.guarded("AdminInitiateAuth", adminAuth::initiateAuth));
        ops.put("AdminRespondToAuthChallenge", admin.guarded("AdminRespondToAuthChallenge", adminAuth::respondToAuthChallenge));
        ops.put("AdminListUserAuthEvents", admin.guarded("AdminListUserAuthEvents", authEvents::listUserAuthEvents));
        ops.put("ListUsers", admin.guarded("ListUsers", listing::listUsers));
        ops.put("AddCustomAttributes", admin.guarded("AddCustomAttributes", attributes::addCustomAttributes));
        ops.put("DescribeUserPool", admin.guarded("DescribeUserPool", (request, ctx) -> {
            Map<String, Object> described = attributes.describeUserPool(request, ctx);
            // issue 14: the sign-in policy in force, as Cognito's Policies.SignInPolicy
            @SuppressWarnings("unchecked") Map<String, Object> userPool = (Map<String, Object>) described.get("UserPool");
            userPool.put("Policies", signInPolicy.policies());
            return described;
        }));
        ops.put("UpdateUserPool", admin.guarded("UpdateUserPool", signInPolicy::updateUserPool));
        // issue 13, admin-created users and password administration
        InvitationOperations invitations = new InvitationOperations(passwords);
        ops.put("AdminCreateUser", admin.guarded("AdminCreateUser", invitations::createUser));
        ops.put("AdminSetUserPassword", admin.guarded("AdminSetUserPassword", invitations::setUserPassword));
        ops.put("AdminResetUserPassword", admin.guarded("AdminResetUserPassword", invitations::resetUserPassword));
        // groups (issue 13), admin operations like those above
        GroupOperations groups = new GroupOperations(groupAdministration, pool);
        ops.put("CreateGroup", admin.guarded("CreateGroup", groups::createGroup));
        ops.put("GetGroup", admin.guarded("GetGroup", groups::getGroup));
        ops.put("UpdateGroup", admin.guarded("UpdateGroup", groups::updateGroup));
        ops.put("DeleteGroup", admin.guarded("DeleteGroup", groups::deleteGroup));
        ops.put("ListGroups", admin.guarded("ListGroups", groups::listGroups));
        ops.put("AdminAddUserToGroup", admin.guarded("AdminAddUserToGroup", groups::addUserToGroup));
        ops.put("AdminRemoveUserFromGroup", admin.guarded("AdminRemoveUserFromGroup", groups::removeUserFromGroup));
        ops.put("AdminListGroupsForUser", admin.guarded("AdminListGroupsForUser", groups::listGroupsForUser));
        ops.put("ListUsersInGroup", admin.guarded("ListUsersInGroup", groups::listUsersInGroup));
        // authenticator apps (issue 14, TOTP MFA)
        ops.put("AssociateSoftwareToken", mfa::associateSoftwareToken);
        ops.put("VerifySoftwareToken", mfa::verifySoftwareToken);
        ops.put("SetUserMFAPreference", mfa::setUserMfaPreference);
        ops.put("AdminSetUserMFAPreference", admin.guarded("AdminSetUserMFAPreference", mfa::adminSetUserMfaPreference));
        // app clients and resource servers (issue 15), admin operations like those above
        AppClientOperations appClientOps = new AppClientOperations(appClients, pool);
        ops.put("CreateUserPoolClient", admin.guarded("CreateUserPoolClient", appClientOps::createUserPoolClient));
        ops.put("DescribeUserPoolClient", admin.guarded("DescribeUserPoolClient", appClientOps::describeUserPoolClient));
        ops.put("UpdateUserPoolClient", admin.guarded("UpdateUserPoolClient", appClientOps::updateUserPoolClient));
        ops.put("DeleteUserPoolClient", admin.guarded("DeleteUserPoolClient", appClientOps::deleteUserPoolClient));
        ops.put("ListUserPoolClients", admin.guarded("ListUserPoolClients", appClientOps::listUserPoolClients));
        ResourceServerOperations resourceServers = new ResourceServerOperations(appClients, pool);
        ops.put("CreateResourceServer", admin.guarded("CreateResourceServer", resourceServers::createResourceServer));
        ops.put("DescribeResourceServer", admin.guarded("DescribeResourceServer", resourceServers::describeResourceServer));
        ops.put("UpdateResourceServer", admin.guarded("UpdateResourceServer", resourceServers::updateResourceServer));
        ops.put("DeleteResourceServer", admin.guarded("DeleteResourceServer", resourceServers::deleteResourceServer));
        ops.put("ListResourceServers", admin.guarded("ListResourceServers", resourceServers::listResourceServers));
        return new CognitoApi(Optional.of(settings), java.util.Collections.unmodifiableMap(ops), Optional.empty(), json);
    }

    /**
     * This API with the passkey operations (issue 14, {@link WebAuthnOperations}) added; an API that is
     * not served stays so.
     */
    public CognitoApi withPasskeys(dev.userpool.core.port.in.Passkeys passkeys) {
        if (pool.isEmpty()) return this;
        Map<String, Operation> ops = new LinkedHashMap<>(operations);
        new WebAuthnOperations(passkeys, json).register(ops);
        return new CognitoApi(pool, java.util.Collections.unmodifiableMap(ops), notServed, json);
    }

    /** Not served: every call answers {@code why}. */
    public static CognitoApi notServed(String why, ObjectMapper json) {
        return new CognitoApi(Optional.empty(), Map.of(), Optional.of(why), json);
    }

    /** The pool id, when the API is served: its discovery documents are also under {@code /{poolId}/.well-known/}. */
    public Optional<String> userPoolId() {
        return pool.map(PoolApiSettings::userPoolId);
    }

    /** Where the admin operations are accepted from; empty when the API is not served. */
    public Optional<PoolApiSettings.AdminCallers> adminCallers() {
        return pool.map(PoolApiSettings::adminCallers);
    }

    /** Operations served, in the order of Cognito's API reference groups. */
    public java.util.Set<String> operations() {
        return operations.keySet();
    }

    public void install(Javalin app) {
        app.post("/", this::handle);
        app.options("/", this::preflight);
        app.get("/wildrydes/js/config.js", this::wildRydesConfig);
    }

    /**
     * The walk-through's {@code js/config.js} for the pages under {@code /wildrydes/}: this pool's id,
     * app client and region, and — the one addition — this server as the library's endpoint.
     */
    private void wildRydesConfig(Context ctx) throws JsonProcessingException {
        Map<String, Object> cognito = new LinkedHashMap<>();
        cognito.put("userPoolId", pool.map(PoolApiSettings::userPoolId).orElse(""));
        cognito.put("userPoolClientId", pool.map(PoolApiSettings::clientId).orElse(""));
        cognito.put("region", pool.map(PoolApiSettings::region).orElse(""));
        String script = "window._config = { cognito: " + json.writeValueAsString(cognito) + " };\n"
                + "// Amazon Cognito's endpoint would be https://cognito-idp.<region>.amazonaws.com/; the pool is here:\n"
                + "window._config.cognito.endpoint = window.location.origin + '/';\n";
        ctx.header("Cache-Control", "no-cache").contentType("text/javascript; charset=utf-8").result(script);
    }

    private void handle(Context ctx) {
        cors(ctx);
        ctx.header("x-amzn-RequestId", RequestContexts.requestId(ctx));
        String target = Optional.ofNullable(ctx.header("X-Amz-Target")).orElse("");
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
        long started = -1;
        try {
            if (operation.isEmpty()) {
                throw new CognitoError("UnknownOperationException", "Send the operation as X-Amz-Target: " + TARGET_PREFIX
                        + "<Operation>, with Content-Type " + CONTENT_TYPE + ".");
            }
            String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/x-amz-json-1.")) {
                throw new CognitoError("UnknownOperationException", "Send " + operation + " as " + CONTENT_TYPE + ".");
            }
            if (notServed.isPresent()) throw new CognitoError("UnknownOperationException", notServed.get());
            Operation op = operations.get(operation);
            if (op == null) {
                throw new CognitoError("UnknownOperationException", "This local user pool does not serve " + operation
                        + "; it serves " + String.join(", ", operations.keySet()) + ".");
            }
            if (EVEN_TIMING.contains(operation)) started = System.nanoTime();
            write(ctx, 200, op.run(CognitoRequest.parse(RequestBodies.read(ctx), json), ctx));
        } catch (CognitoError e) {
            error(ctx, operation, e);
        } catch (UserPoolException e) {
            error(ctx, operation, CognitoWireErrors.of(e));
        } catch (RequestBodies.Refused e) {
            error(ctx, operation, new CognitoError("SerializationException", e.getMessage(), e.status()));
        } catch (RuntimeException | Error e) {
            // an Error too (a StackOverflowError): answered here in Cognito's shape, never Javalin's empty 500
            LOG.error("Cognito API {} failed unexpectedly (request {})", operation, RequestContexts.requestId(ctx), e);
            error(ctx, operation, new CognitoError("InternalErrorException", "Something went wrong on our side.", 500));
        } finally {
            if (started >= 0) EvenTiming.waitOutFloor(started);
        }
    }

    private void error(Context ctx, String operation, CognitoError e) {
        LOG.debug("Cognito API {} refused: {}", operation, e.type());
        ctx.header("x-amzn-ErrorType", e.type());
        if (e.type().equals("TooManyRequestsException")) ctx.header("Retry-After", "1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.type());
        body.put("message", e.getMessage());
        write(ctx, e.status(), body);
    }

    private void write(Context ctx, int status, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            status = 500;
            bytes = "{\"__type\":\"InternalErrorException\",\"message\":\"The answer could not be written.\"}".getBytes(StandardCharsets.UTF_8);
        }
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes);
    }

    private void preflight(Context ctx) {
        cors(ctx);
        ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "content-type, x-amz-target, x-amz-user-agent, cache-control");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "x-amzn-RequestId, x-amzn-ErrorType, Date");
    }
}
