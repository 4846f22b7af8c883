package io.adtarget.http.admin;

import io.adtarget.application.port.in.ManageAccountsUseCase;
import io.adtarget.domain.idempotency.StoredResponse;
import io.adtarget.domain.shared.AccountId;
import io.adtarget.domain.shared.ApiKeyId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.http.support.FieldReader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** Admin API: accounts and their API keys. */
public final class AccountAdminHandlers {
    private final ManageAccountsUseCase accounts;

    public AccountAdminHandlers(ManageAccountsUseCase accounts) {
        this.accounts = accounts;
    }

    /** Validates a create (throws its 400) and returns the action that creates the account. */
    public Supplier<Future<StoredResponse>> createAccount(RoutingContext ctx) {
        AccountRequestParser.Create create = AccountRequestParser.create(AdminRequests.body(ctx));
        return () -> accounts.createAccount(create.name(), create.rateLimitPerSecond())
                .map(account -> AdminIdempotency.json(201, AdminJson.account(account)));
    }

    public void updateAccount(RoutingContext ctx) {
        AccountId id = AdminRequests.id(ctx, "accountId", AccountId::parse);
        accounts.updateAccount(id, AccountRequestParser.patch(AdminRequests.body(ctx)))
                .onSuccess(updated -> updated.ifPresentOrElse(
                        account -> Responses.json(ctx, 200, AdminJson.account(account)),
                        () -> AdminRequests.notFound(ctx, "account")))
                .onFailure(ctx::fail);
    }

    public void getAccount(RoutingContext ctx) {
        AccountId id = AdminRequests.id(ctx, "accountId", AccountId::parse);
        accounts.getAccount(id)
                .onSuccess(found -> found.ifPresentOrElse(
                        account -> Responses.json(ctx, 200, AdminJson.account(account)),
                        () -> AdminRequests.notFound(ctx, "account")))
                .onFailure(ctx::fail);
    }

    public void issueApiKey(RoutingContext ctx) {
        AccountId id = AdminRequests.id(ctx, "accountId", AccountId::parse);
        FieldReader in = new FieldReader(Json.parseObject(AdminRequests.body(ctx)));
        String name = in.convert("name", in.text("name", true), AdminRequests::validName);
        KeyMode mode = in.convert("mode", in.text("mode", true), KeyMode::fromSlug);
        in.throwIfInvalid();
        accounts.issueApiKey(id, name, mode)
                .onSuccess(issued -> issued.ifPresentOrElse(
                        key -> Responses.json(ctx, 201, AdminJson.issuedKey(key)),
                        () -> AdminRequests.notFound(ctx, "account")))
                .onFailure(ctx::fail);
    }

    public void revokeApiKey(RoutingContext ctx) {
        ApiKeyId id = AdminRequests.id(ctx, "apiKeyId", ApiKeyId::parse);
        accounts.revokeApiKey(id)
                .onSuccess(revoked -> {
                    if (revoked) {
                        Responses.noContent(ctx);
                    } else {
                        AdminRequests.notFound(ctx, "API key");
                    }
                })
                .onFailure(ctx::fail);
    }

}
