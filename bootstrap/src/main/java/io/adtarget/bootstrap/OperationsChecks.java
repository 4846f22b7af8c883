package io.adtarget.bootstrap;

import io.adtarget.http.ops.OperationsEndpoints;
import io.adtarget.http.ops.ReadinessCheck;
import io.adtarget.http.ops.ReadinessReport;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Readiness: Postgres answers a query and, when configured, Redis answers PING — each within 2 s. */
final class OperationsChecks implements OperationsEndpoints {
    private static final long CHECK_TIMEOUT_MS = 2000;
    private final Pool pool;
    private final Redis redis;
    private final Handler<RoutingContext> metrics;

    OperationsChecks(Pool pool, Redis redis, String registryName) {
        this.pool = pool;
        this.redis = redis;
        this.metrics = PrometheusScrapingHandler.create(registryName);
    }

    @Override
    public Future<ReadinessReport> readiness() {
        List<Future<ReadinessCheck>> checks = new ArrayList<>();
        checks.add(check("postgres", pool.query("SELECT 1").execute().mapEmpty()));
        if (redis != null) {
            checks.add(check("redis", RedisAPI.api(redis).ping(List.of()).mapEmpty()));
        }
        return Future.join(checks).transform(ignored -> {
            List<ReadinessCheck> results = new ArrayList<>();
            for (Future<ReadinessCheck> check : checks) {
                results.add(check.result());
            }
            return Future.succeededFuture(new ReadinessReport(results));
        });
    }

    private static Future<ReadinessCheck> check(String name, Future<Void> probe) {
        return probe.timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .map(ok -> ReadinessCheck.up(name))
                .otherwise(failure -> ReadinessCheck.down(name, name + " did not answer within 2 s"));
    }

    @Override
    public Handler<RoutingContext> metricsHandler() {
        return metrics;
    }
}
