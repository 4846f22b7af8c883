package io.adtarget.bootstrap;

import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.CreateSiteCommand;
import io.adtarget.application.port.in.IssuedApiKey;
import io.adtarget.application.port.in.ManageAccountsUseCase;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.domain.conversion.ChannelId;
import io.adtarget.domain.shared.KeyMode;
import io.adtarget.domain.site.AccessToken;
import io.adtarget.domain.site.MetaPixelId;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Demo data for a first look (DEV_SEED): on an empty database, an account, a live API key, a site
 * with pixel 000000000000000 and channel -1001234567890. The key is shown once, as at creation.
 */
final class DevSeed {
    static final String CHANNEL = "-1001234567890";
    static final String PIXEL = "000000000000000";

    /** What the seed created; empty when the database already had data. */
    record Seeded(String accountId, String siteId, String apiKey) {
    }

    private final AccountRepository accounts;
    private final ManageAccountsUseCase accountAdmin;
    private final ManageSitesUseCase siteAdmin;

    DevSeed(AccountRepository accounts, ManageAccountsUseCase accountAdmin, ManageSitesUseCase siteAdmin) {
        this.accounts = accounts;
        this.accountAdmin = accountAdmin;
        this.siteAdmin = siteAdmin;
    }

    Future<Optional<Seeded>> applyIfEmpty() {
        return accounts.any().compose(any -> any ? Future.succeededFuture(Optional.empty()) : seed().map(Optional::of));
    }

    private Future<Seeded> seed() {
        return accountAdmin.createAccount("Demo account").compose(account -> accountAdmin
                .issueApiKey(account.id(), "demo live key", KeyMode.LIVE)
                .map(Optional::orElseThrow)
                .compose((IssuedApiKey key) -> siteAdmin.createSite(new CreateSiteCommand(account.id(), "Demo site",
                                new MetaPixelId(PIXEL), new AccessToken("dry-run-demo-token"), null, true))
                        .map(Optional::orElseThrow)
                        .compose(site -> siteAdmin.attachChannel(site.id(), new ChannelId(CHANNEL)))
                        .map(change -> {
                            if (!(change instanceof ChannelChange.Done done)) {
                                throw new IllegalStateException("dev seed could not attach its channel: " + change);
                            }
                            return new Seeded(account.id().toString(), done.site().id().toString(),
                                    key.secret().value());
                        })));
    }

    /** The banner printed for a human on first start: the demo key and a curl line that works as pasted. */
    static String banner(Seeded seeded, String baseUrl, String adminToken, boolean adminTokenGenerated) {
        StringBuilder out = new StringBuilder();
        out.append("\n================ AdTarget dev seed ================\n");
        out.append("account:  ").append(seeded.accountId()).append('\n');
        out.append("site:     ").append(seeded.siteId()).append(" (pixel ").append(PIXEL)
                .append(", channel ").append(CHANNEL).append(")\n");
        out.append("API key:  ").append(seeded.apiKey()).append("   (shown once; only its hash is stored)\n");
        if (adminTokenGenerated) {
            out.append("admin token (this run only; set ADMIN_TOKEN to keep one): ").append(adminToken).append('\n');
        }
        out.append("try:\n").append(curl(baseUrl, seeded.apiKey())).append('\n');
        out.append("===================================================\n");
        return out.toString();
    }

    static String curl(String baseUrl, String apiKey) {
        return "curl -i -X POST " + baseUrl + "/api/v1/events/conversion"
                + " -H 'Authorization: Bearer " + apiKey + "'"
                + " -H 'Idempotency-Key: order_98765'"
                + " -H 'Content-Type: application/json'"
                + " -d '{\"telegramUserId\": 1234567890, \"channelId\": \"" + CHANNEL + "\","
                + " \"eventType\": \"Purchase\", \"value\": 49.00, \"currency\": \"USD\"}'";
    }
}
