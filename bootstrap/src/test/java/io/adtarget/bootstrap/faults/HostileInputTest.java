package io.adtarget.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.adtarget.bootstrap.e2e.RunningService;
import io.adtarget.bootstrap.e2e.Tenant;
import io.adtarget.bootstrap.testing.Database;
import io.adtarget.bootstrap.testing.Figures;
import io.adtarget.bootstrap.testing.Soak;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6 of issue 8: a seeded corpus of malformed and boundary requests against every endpoint
 * of api.md. Each is answered by a 4xx problem (or, for reads, possibly their documented success),
 * never a 5xx; nothing in the database changes; Meta hears nothing; the service stays ready.
 */
class HostileInputTest {
    private static final int REQUESTS = Soak.scale(400, 5000);

    @Test
    void malformed_and_boundary_requests_get_4xx_problems_change_nothing_and_never_reach_meta() {
        long seed = Long.getLong("adtarget.seed", System.nanoTime());
        System.out.println("HostileInputTest seed=" + seed + " (rerun with -Dadtarget.seed=" + seed + ")");
        try (RunningService service = RunningService.start()) {
            Tenant tenant = service.provision("live", true, null, "-1001234567890");
            JsonObject issued = service.admin(HttpMethod.POST, "/admin/v1/accounts/" + tenant.accountId() + "/api-keys",
                    new JsonObject().put("name", "revoked").put("mode", "live"), 201);
            service.admin(HttpMethod.DELETE, "/admin/v1/api-keys/" + issued.getString("id"), null, 204);
            HttpResponse<Buffer> created = service.postConversion(tenant.apiKey(), "hostile-setup", tenant.purchase(42L));
            assertThat(created.statusCode()).isEqualTo(201);
            HostileCorpus.Targets targets = new HostileCorpus.Targets(tenant.apiKey(), issued.getString("key"),
                    "atk_live_" + "Q".repeat(40), RunningService.ADMIN_TOKEN, tenant.accountId(), tenant.apiKeyId(),
                    tenant.siteId(), tenant.channelId(), created.bodyAsJsonObject().getString("conversionId"),
                    tenant.accessToken());
            int metaCallsBefore = service.meta().requests().size();
            Map<String, String> before = Database.fingerprint(service.databaseUrl());

            List<HostileCorpus.Case> corpus = new HostileCorpus(new Random(seed), targets).generate(REQUESTS);
            List<String> violations = new ArrayList<>();
            List<Long> latencies = new ArrayList<>();
            int rejected = 0;
            for (HostileCorpus.Case c : corpus) {
                RawHttp.Response response = RawHttp.exchange(service.port(), c.request());
                latencies.add(response.latencyNanos());
                String problem = check(c, response);
                if (problem != null) {
                    violations.add(problem + "\n    request " + c.request() + "\n    answer " + response.status() + " "
                            + response.headers() + " " + abbreviate(response.bodyText()));
                }
                rejected += response.status() >= 400 && response.status() < 500 ? 1 : 0;
            }

            Map<String, String> after = Database.fingerprint(service.databaseUrl());
            int metaCalls = service.meta().requests().size() - metaCallsBefore;
            int readyStatus = service.request(HttpMethod.GET, "/health/ready").send().await().statusCode();
            Figures.duringFault("6 hostile input", corpus.size() + " generated requests (seed " + seed + "), 17 endpoints",
                    "malformed headers, bodies, ids, methods, protocol", corpus.size() - rejected, 0, metaCalls,
                    Figures.percentileMs(latencies, 99), Figures.percentileMs(latencies, 100)).publish();
            System.out.println("hostile corpus: " + rejected + " of " + corpus.size() + " answered 4xx, "
                    + violations.size() + " violations");
            assertThat(violations).as("requests answered against the contract (seed " + seed + ")").isEmpty();
            assertThat(after).as("database content").isEqualTo(before);
            assertThat(metaCalls).as("Meta calls caused by the corpus").isZero();
            assertThat(readyStatus).as("/health/ready after the corpus").isEqualTo(200);
        }
    }

    /** Null when the answer keeps the contract, else what is wrong with it. */
    static String check(HostileCorpus.Case c, RawHttp.Response response) {
        if (response.status() < 0) {
            return "no answer: " + response.failure();
        }
        // 505 http-version-not-supported refuses a request line's version: the client's, not a server error
        if (response.status() >= 500 && response.status() != 505) {
            return "server error " + response.status();
        }
        if (c.mustReject() && response.status() < 400) {
            return "accepted (" + response.status() + ") although it must be refused";
        }
        String requestId = response.header("X-Request-Id");
        if (requestId == null || requestId.isEmpty() || requestId.length() > 64
                || !requestId.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7E)) {
            return "X-Request-Id missing or not 1-64 visible ASCII: " + requestId;
        }
        if (response.status() >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return "4xx without problem+json: " + type;
            }
            JsonObject body;
            try {
                body = new JsonObject(response.bodyText());
            } catch (RuntimeException e) {
                return "problem body is not JSON";
            }
            String code = body.getString("code");
            if (code == null || !("/problems/" + code).equals(body.getString("type"))
                    || body.getInteger("status", -1) != response.status() || body.getString("title") == null
                    || !requestId.equals(body.getString("requestId"))) {
                return "problem body does not match the contract";
            }
            if (response.status() == 405 && response.header("Allow") == null) {
                return "405 without Allow";
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
