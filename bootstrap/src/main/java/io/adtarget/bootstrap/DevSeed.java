package io.adtarget.bootstrap;

import io.adtarget.application.port.in.ChannelChange;
import io.adtarget.application.port.in.CreateSiteCommand;
import io.adtarget.application.port.in.IssuedApiKey;
import io.adtarget.application.port.in.ManageAccountsUseCase;
import io.adtarget.application.port.in.ManageSitesUseCase;
import io.adtarget.application.port.in.ManagePublishableKeysUseCase;
import io.adtarget.application.port.out.AccountRepository;
import io.adtarget.application.port.out.TelegramConnectionRepository;
import io.adtarget.domain.attribution.InviteMode;
import io.adtarget.domain.attribution.TelegramConnection;
import io.adtarget.domain.shared.Base62;
import io.adtarget.domain.shared.Sha256;
import io.adtarget.domain.shared.SiteId;
import io.adtarget.domain.telegram.BotToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
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

    static final String DEMO_ORIGIN = "https://shop.example";
    static final String DEMO_BOT_TOKEN = "1234567890:AAdryrunDemoBotToken000000000";
    static final long DEMO_USER = 1234567890L;

    /** What the seed created; empty when the database already had data. */
    record Seeded(String accountId, String siteId, String apiKey, String publishableKey, String webhookSecret) {
        Seeded(String accountId, String siteId, String apiKey) {
            this(accountId, siteId, apiKey, null, null);
        }
    }

    private final AccountRepository accounts;
    private final ManageAccountsUseCase accountAdmin;
    private final ManageSitesUseCase siteAdmin;

    private final ManagePublishableKeysUseCase publishableKeys;
    private final TelegramConnectionRepository connections;
    private final Clock clock;

    DevSeed(AccountRepository accounts, ManageAccountsUseCase accountAdmin, ManageSitesUseCase siteAdmin,
            ManagePublishableKeysUseCase publishableKeys, TelegramConnectionRepository connections, Clock clock) {
        this.accounts = accounts;
        this.accountAdmin = accountAdmin;
        this.siteAdmin = siteAdmin;
        this.publishableKeys = publishableKeys;
        this.connections = connections;
        this.clock = clock;
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
                            return done.site().id();
                        })
                        .compose(siteId -> telegram(siteId).map(secrets -> new Seeded(account.id().toString(),
                                siteId.toString(), key.secret().value(), secrets[0], secrets[1])))));
    }

    /**
     * A dry-run bot for the site (stored directly: with the dry-run gateway there is no webhook to register, and
     * the seed must know the secret to print it) and a publishable key for {@link #DEMO_ORIGIN}.
     */
    private Future<String[]> telegram(SiteId siteId) {
        String secret = Base62.random(48, new SecureRandom());
        return connections.save(new TelegramConnection(siteId, new BotToken(DEMO_BOT_TOKEN),
                        "dryrun_1234567890_bot", Sha256.hex(secret), InviteMode.MEMBER_LIMIT, clock.instant()))
                .compose(saved -> publishableKeys.create(siteId, List.of(DEMO_ORIGIN)))
                .map(issued -> new String[] {issued.orElseThrow().secret(), secret});
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
        if (seeded.publishableKey() != null) {
            out.append("publishable key: ").append(seeded.publishableKey()).append("   (origin ").append(DEMO_ORIGIN)
                    .append("; dry-run bot, webhook secret ").append(seeded.webhookSecret()).append(")\n");
            out.append("Telegram attribution, visit -> join -> Subscribe (bash):\n")
                    .append(walkThrough(baseUrl, seeded)).append('\n');
        }
        out.append("===================================================\n");
        return out.toString();
    }

    /** A visit with an fbclid, the join update Telegram would post for its link, then the channel's stats. */
    static String walkThrough(String baseUrl, Seeded seeded) {
        String user = "{\"id\": " + DEMO_USER + ", \"is_bot\": false, \"first_name\": \"Demo\"}";
        return "LINK=$(curl -s -X POST " + baseUrl + "/api/v1/visits"
                + " -H 'Authorization: Bearer " + seeded.publishableKey() + "'"
                + " -H 'Origin: " + DEMO_ORIGIN + "' -H 'Content-Type: application/json'"
                + " -d '{\"channelId\": \"" + CHANNEL + "\", \"fbclid\": \"IwAR0demoClick\","
                + " \"landingUrl\": \"" + DEMO_ORIGIN + "/?fbclid=IwAR0demoClick\"}'"
                + " | sed -E 's/.*\"inviteLink\":\"([^\"]+)\".*/\\1/'); echo \"$LINK\"\n"
                + "curl -i -X POST " + baseUrl + "/webhooks/telegram/" + seeded.siteId()
                + " -H 'X-Telegram-Bot-Api-Secret-Token: " + seeded.webhookSecret() + "'"
                + " -H 'Content-Type: application/json'"
                + " -d '{\"update_id\": 1, \"chat_member\": {\"chat\": {\"id\": " + CHANNEL
                + ", \"type\": \"channel\"}, \"from\": " + user + ", \"date\": 1764270000,"
                + " \"old_chat_member\": {\"status\": \"left\", \"user\": " + user + "},"
                + " \"new_chat_member\": {\"status\": \"member\", \"user\": " + user + "},"
                + " \"invite_link\": {\"invite_link\": \"'\"$LINK\"'\", \"creates_join_request\": false,"
                + " \"is_primary\": false, \"is_revoked\": false}}}'\n"
                + "curl -s '" + baseUrl + "/api/v1/events/conversion?limit=5' -H 'Authorization: Bearer "
                + seeded.apiKey() + "'\n"
                + "curl -s " + baseUrl + "/api/v1/channels/" + CHANNEL + "/stats -H 'Authorization: Bearer "
                + seeded.apiKey() + "'";
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
