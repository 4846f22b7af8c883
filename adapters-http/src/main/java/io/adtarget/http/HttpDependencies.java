package io.adtarget.http;

import io.adtarget.application.port.in.AuthenticateApiKeyUseCase;
import io.adtarget.application.port.in.ExecuteIdempotentlyUseCase;
import io.adtarget.application.port.in.FindConversionUseCase;
import io.adtarget.application.port.in.GetConversionUseCase;
import io.adtarget.application.port.in.LimitRequestRateUseCase;
import io.adtarget.application.port.in.ListConversionsUseCase;
import io.adtarget.application.port.in.ListDeliveryAttemptsUseCase;
import io.adtarget.application.port.in.ManageAccountsUseCase;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.application.port.in.RecordConversionUseCase;
import io.adtarget.application.port.in.ReportDeliveryHealthUseCase;
import io.adtarget.application.port.in.RetryConversionUseCase;
import io.adtarget.application.port.in.TestMetaConnectionUseCase;
import io.adtarget.http.ops.OperationsEndpoints;
import io.adtarget.http.ops.RequestObserver;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the HTTP adapter needs from the composition root. {@code adminToken} null or empty
 * disables the admin API (always 401); {@code fingerprintBodies} makes POSTs with an
 * Idempotency-Key pass the SHA-256 of their body (needed by the warn/reject fingerprint modes).
 * {@code console} carries what the console's pages read and do beyond the list API.
 */
public record HttpDependencies(
        RecordConversionUseCase recordConversion,
        GetConversionUseCase getConversion,
        ListConversionsUseCase listConversions,
        AuthenticateApiKeyUseCase authenticateApiKey,
        ExecuteIdempotentlyUseCase executeIdempotently,
        ManageAccountsUseCase manageAccounts,
        ManageSitesUseCase manageSites,
        Clock clock,
        String adminToken,
        boolean fingerprintBodies,
        OperationsEndpoints operations,
        RequestObserver requestObserver,
        LimitRequestRateUseCase limitRequestRate,
        Console console) {

    /**
     * The console's use cases: a conversion's delivery attempts, an operator's look at any conversion, Retry now,
     * delivery health, the Meta connection test.
     */
    public record Console(ListDeliveryAttemptsUseCase attempts, FindConversionUseCase findConversion,
            RetryConversionUseCase retryConversion, ReportDeliveryHealthUseCase deliveryHealth,
            TestMetaConnectionUseCase metaTest) {
        public Console {
            Objects.requireNonNull(metaTest, "metaTest");
            Objects.requireNonNull(deliveryHealth, "deliveryHealth");
            Objects.requireNonNull(attempts, "attempts");
            Objects.requireNonNull(findConversion, "findConversion");
            Objects.requireNonNull(retryConversion, "retryConversion");
        }
    }

    /** Without a rate limit (every request of a key passes). */
    public HttpDependencies(RecordConversionUseCase recordConversion, GetConversionUseCase getConversion,
            ListConversionsUseCase listConversions, AuthenticateApiKeyUseCase authenticateApiKey,
            ExecuteIdempotentlyUseCase executeIdempotently, ManageAccountsUseCase manageAccounts,
            ManageSitesUseCase manageSites, Clock clock, String adminToken, boolean fingerprintBodies,
            OperationsEndpoints operations, RequestObserver requestObserver, Console console) {
        this(recordConversion, getConversion, listConversions, authenticateApiKey, executeIdempotently,
                manageAccounts, manageSites, clock, adminToken, fingerprintBodies, operations, requestObserver,
                LimitRequestRateUseCase.UNLIMITED, console);
    }

    public HttpDependencies {
        Objects.requireNonNull(recordConversion, "recordConversion");
        Objects.requireNonNull(getConversion, "getConversion");
        Objects.requireNonNull(listConversions, "listConversions");
        Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
        Objects.requireNonNull(executeIdempotently, "executeIdempotently");
        Objects.requireNonNull(manageAccounts, "manageAccounts");
        Objects.requireNonNull(manageSites, "manageSites");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(console, "console");
        requestObserver = requestObserver == null ? RequestObserver.NOOP : requestObserver;
        limitRequestRate = limitRequestRate == null ? LimitRequestRateUseCase.UNLIMITED : limitRequestRate;
    }

    @Override
    public String toString() {
        return "HttpDependencies[adminToken=" + (adminToken == null || adminToken.isEmpty() ? "unset" : "redacted")
                + ", fingerprintBodies=" + fingerprintBodies + "]";
    }
}
