package dev.userpool.app.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.AddressLiteral;
import dev.userpool.app.config.LocalNetworks;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.app.http.ApiServer;
import dev.userpool.app.http.CallerNetworks;
import dev.userpool.app.http.LocalCallers;
import dev.userpool.app.http.LocalEndpoints;
import dev.userpool.app.http.ReplicaStatus;
import dev.userpool.app.http.cognito.CognitoApi;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.AuditQueries;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.Registration;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import javax.inject.Singleton;

/** The HTTP edge: JSON mapping, metrics, who counts as a local caller, and the server. */
@Module(includes = PasskeyOptionals.class)
public final class HttpModule {
    private HttpModule() {}

    @Provides
    @Singleton
    static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Provides
    @Singleton
    static PrometheusMeterRegistry prometheus(Set<MeterBinder> binders) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        binders.forEach(b -> b.bindTo(registry));
        return registry;
    }

    /** USERPOOL_LOCAL_NETWORKS: "this machine" for every local-only door. */
    @Provides
    @Singleton
    static LocalCallers localCallers(Settings settings) {
        LocalNetworks networks = LocalNetworks.from(settings.environment());
        return new LocalCallers(new CallerNetworks(
                address -> AddressLiteral.parse(address).filter(networks::contains).isPresent(),
                text -> AddressLiteral.parse(text).isPresent(), networks.toString()), settings.baseUrl());
    }

    @Provides
    @Singleton
    static ApiServer server(Registration registration, Authentication authentication, Administration administration,
                            AccountAttributes attributes, AuditQueries auditQueries, LocalEndpoints local, LocalCallers callers,
                            PrometheusMeterRegistry prometheus, ObjectMapper json, Settings settings, Clock clock,
                            CognitoApi cognitoApi, ReplicaStatus replica, PasswordAdministration passwords,
                            GroupAdministration groups, dev.userpool.core.port.in.AddressChange addressChange,
                            java.util.Optional<dev.userpool.core.port.in.Passkeys> passkeys,
                            java.util.Optional<dev.userpool.core.port.in.PasskeyAuthentication> passkeySignIn,
                            dev.userpool.core.port.in.MultiFactor multiFactor,
                            java.util.Optional<dev.userpool.app.http.oauth.OAuthEndpoints> oauth,
                            dev.userpool.core.port.in.ChoiceBasedSignIn choiceBasedSignIn) {
        // the embedded pool's token issuer: the public base URL followed by the pool id, as Cognito's
        URI issuer = LocalPoolSettings.from(settings.environment()).issuer(settings.baseUrl());
        return new ApiServer(registration, authentication, administration, attributes, auditQueries, local, callers, prometheus,
                json, issuer, clock, cognitoApi, replica, java.util.Optional.of(passwords), java.util.Optional.of(groups),
                addressChange, passkeys, passkeySignIn, java.util.Optional.of(multiFactor), oauth)
                .serveEmailCodes(choiceBasedSignIn);   // issue 14: sign-in with an emailed code
    }
}
