package io.adtarget.http;

import io.adtarget.http.admin.AccountAdminHandlers;
import io.adtarget.http.admin.MetaTestAdminHandlers;
import io.adtarget.http.admin.PublishableKeyAdminHandlers;
import io.adtarget.http.admin.TelegramAdminHandlers;
import io.adtarget.http.attribution.ChannelStatsHandler;
import io.adtarget.http.attribution.PublishableKeyAuthentication;
import io.adtarget.http.attribution.TelegramWebhookHandler;
import io.adtarget.http.attribution.TrackScript;
import io.adtarget.http.attribution.VisitCors;
import io.adtarget.http.attribution.VisitHandlers;
import io.adtarget.http.attribution.VisitRateLimiting;
import io.adtarget.http.admin.AdminIdempotency;
import io.adtarget.http.admin.SiteAdminHandlers;
import io.adtarget.http.auth.AdminAuthentication;
import io.adtarget.http.auth.ApiKeyAuthentication;
import io.adtarget.http.console.ConsoleRoutes;
import io.adtarget.http.auth.RateLimiting;
import io.adtarget.http.conversion.AdminConversionHandlers;
import io.adtarget.http.conversion.DeliveryHealthHandlers;
import io.adtarget.http.conversion.ReadConversionHandlers;
import io.adtarget.http.conversion.RecordConversionHandler;
import io.adtarget.http.ops.OperationsHandlers;
import io.adtarget.http.ops.RequestTracking;
import io.adtarget.http.ops.RouteTag;
import io.adtarget.http.problem.FailureResponder;
import io.adtarget.http.problem.InvalidRequests;
import io.adtarget.http.problem.Http1Connections;
import io.adtarget.http.support.AllowedMethods;
import io.adtarget.http.support.IdempotencyKeyHeader;
import io.adtarget.http.support.Json;
import io.adtarget.http.support.JsonBodyReader;
import io.adtarget.http.support.JsonContentType;
import io.adtarget.http.support.Responses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP API of api.md: public conversions API, admin API and operations endpoints, with
 * problem+json for every error. Mount the router as the server's request handler and set
 * {@link #invalidRequestHandler()} as its invalid-request handler and {@link #connectionHandler()}
 * as its connection handler.
 */
public final class ApiRouter {
    public static final int BODY_LIMIT_BYTES = 64 * 1024;

    private ApiRouter() {
    }

    /** The router without the Telegram attribution endpoints. */
    public static Router create(Vertx vertx, HttpDependencies deps) {
        return create(vertx, deps, null);
    }

    /** The router; {@code attribution} null leaves out the Telegram attribution endpoints. */
    public static Router create(Vertx vertx, HttpDependencies deps, AttributionEndpoints attribution) {
        Json.load();
        Router router = Router.router(vertx);
        router.route().handler(new RequestTracking(deps.requestObserver()));
        Handler<RoutingContext> body = new JsonBodyReader(BODY_LIMIT_BYTES);
        Handler<RoutingContext> json = new JsonContentType();
        Handler<RoutingContext> apiKey = new ApiKeyAuthentication(deps.authenticateApiKey());
        // authentication first, then the key's rate limit: an unauthenticated flood spends no bucket
        Handler<RoutingContext> limit = new RateLimiting(deps.limitRequestRate());
        Handler<RoutingContext> idempotencyKey = new IdempotencyKeyHeader();
        Handler<RoutingContext> admin = new AdminAuthentication(deps.adminToken());

        String conversions = "/api/v1/events/conversion";
        ReadConversionHandlers reads = new ReadConversionHandlers(deps.getConversion(), deps.listConversions(),
                deps.console().attempts());
        route(router, HttpMethod.POST, conversions, body, apiKey, limit, json, idempotencyKey,
                new RecordConversionHandler(deps));
        route(router, HttpMethod.GET, conversions, apiKey, limit, idempotencyKey, reads::list);
        route(router, HttpMethod.GET, conversions + "/:conversionId", apiKey, limit, idempotencyKey, reads::get);
        route(router, HttpMethod.GET, conversions + "/:conversionId/attempts", apiKey, limit, idempotencyKey,
                reads::attempts);
        DeliveryHealthHandlers health = new DeliveryHealthHandlers(deps.console().deliveryHealth());
        route(router, HttpMethod.GET, "/api/v1/delivery-health", apiKey, limit, idempotencyKey, health::ofCaller);

        AccountAdminHandlers accounts = new AccountAdminHandlers(deps.manageAccounts());
        SiteAdminHandlers sites = new SiteAdminHandlers(deps.manageSites());
        AdminIdempotency once = new AdminIdempotency(deps.executeIdempotently(), deps.fingerprintBodies());
        route(router, HttpMethod.POST, "/admin/v1/accounts", body, admin, json, idempotencyKey,
                once.create(accounts::createAccount));
        route(router, HttpMethod.GET, "/admin/v1/accounts/:accountId", admin, accounts::getAccount);
        route(router, HttpMethod.PATCH, "/admin/v1/accounts/:accountId", body, admin, json, accounts::updateAccount);
        route(router, HttpMethod.POST, "/admin/v1/accounts/:accountId/api-keys", body, admin, json,
                accounts::issueApiKey);
        route(router, HttpMethod.DELETE, "/admin/v1/api-keys/:apiKeyId", admin, accounts::revokeApiKey);
        route(router, HttpMethod.POST, "/admin/v1/accounts/:accountId/sites", body, admin, json, idempotencyKey,
                once.create(sites::createSite));
        route(router, HttpMethod.GET, "/admin/v1/sites/:siteId", admin, sites::getSite);
        route(router, HttpMethod.PATCH, "/admin/v1/sites/:siteId", body, admin, json, sites::updateSite);
        route(router, HttpMethod.POST, "/admin/v1/sites/:siteId/channels", body, admin, json, idempotencyKey,
                once.create(sites::attachChannel));
        route(router, HttpMethod.DELETE, "/admin/v1/sites/:siteId/channels/:channelId", admin, sites::detachChannel);
        route(router, HttpMethod.POST, "/admin/v1/sites/:siteId/meta-test", body, admin, json,
                new MetaTestAdminHandlers(deps.console().metaTest())::test);
        AdminConversionHandlers adminConversions = new AdminConversionHandlers(deps.console().findConversion(),
                deps.listConversions(), deps.console().attempts(), deps.console().retryConversion());
        route(router, HttpMethod.GET, "/admin/v1/accounts/:accountId/delivery-health", admin, health::ofAccount);
        route(router, HttpMethod.GET, "/admin/v1/conversions", admin, adminConversions::list);
        route(router, HttpMethod.GET, "/admin/v1/conversions/:conversionId", admin, adminConversions::get);
        route(router, HttpMethod.GET, "/admin/v1/conversions/:conversionId/attempts", admin,
                adminConversions::attempts);
        route(router, HttpMethod.POST, "/admin/v1/conversions/:conversionId/retry", body, admin, idempotencyKey,
                once.create(adminConversions::retry));

        if (attribution != null) {
            mountAttribution(router, deps, attribution, body, json, apiKey, limit, admin);
        }

        OperationsHandlers ops = new OperationsHandlers(deps.operations());
        route(router, HttpMethod.GET, "/health/live", ops::live);
        route(router, HttpMethod.GET, "/health/ready", ops::ready);
        route(router, HttpMethod.GET, "/metrics", deps.operations().metricsHandler());
        route(router, HttpMethod.GET, "/openapi.yaml", ops::openApi);

        ConsoleRoutes.mount(router);

        router.route().failureHandler(FailureResponder::handle);
        for (int status : new int[] {400, 404, 413, 415, 500}) {
            router.errorHandler(status, ctx -> Responses.problem(ctx, FailureResponder.toProblem(ctx.failure(), status)));
        }
        router.errorHandler(405, ctx -> Responses.problem(ctx, FailureResponder.forStatus(405)
                .withHeader("Allow", AllowedMethods.forPath(router, ctx.request().path()))));
        return router;
    }

    private static void mountAttribution(Router router, HttpDependencies deps, AttributionEndpoints a,
            Handler<RoutingContext> body, Handler<RoutingContext> json, Handler<RoutingContext> apiKey,
            Handler<RoutingContext> limit, Handler<RoutingContext> admin) {
        Handler<RoutingContext> publishableKey = new PublishableKeyAuthentication(a.authenticatePublishableKey());
        VisitCors cors = new VisitCors(a.authenticatePublishableKey());
        // key first (its allowed origins), then the origin, then the key's and the address's rate limit
        Handler<RoutingContext> visitLimit = new VisitRateLimiting(a.limitVisitRate(), a.trustedProxies());
        VisitHandlers visits = new VisitHandlers(a.captureVisit(), deps.clock());
        route(router, HttpMethod.OPTIONS, "/api/v1/visits", cors::preflight);
        route(router, HttpMethod.POST, "/api/v1/visits", body, publishableKey, cors::check, visitLimit, json,
                visits::capture);
        route(router, HttpMethod.OPTIONS, "/api/v1/visits/:visitId", cors::preflight);
        route(router, HttpMethod.PATCH, "/api/v1/visits/:visitId", body, publishableKey, cors::check, visitLimit, json,
                visits::updateFbp);
        route(router, HttpMethod.GET, "/api/v1/channels/:channelId/stats", apiKey, limit,
                new ChannelStatsHandler(a.channelStats(), deps.clock())::handle);
        route(router, HttpMethod.POST, "/webhooks/telegram/:siteId", body,
                new TelegramWebhookHandler(a.handleTelegramUpdate())::handle);
        route(router, HttpMethod.GET, "/track.js", new TrackScript()::handle);

        PublishableKeyAdminHandlers keys = new PublishableKeyAdminHandlers(a.managePublishableKeys());
        route(router, HttpMethod.POST, "/admin/v1/sites/:siteId/publishable-keys", body, admin, json, keys::create);
        route(router, HttpMethod.DELETE, "/admin/v1/publishable-keys/:publishableKeyId", admin, keys::revoke);
        TelegramAdminHandlers telegram = new TelegramAdminHandlers(a.connectTelegram());
        route(router, HttpMethod.PUT, "/admin/v1/sites/:siteId/telegram", body, admin, json, telegram::connect);
        route(router, HttpMethod.DELETE, "/admin/v1/sites/:siteId/telegram", admin, telegram::disconnect);
    }

    /**
     * Sets up each HTTP/1.x connection so that unsupported versions and header values with control
     * characters reach {@link #invalidRequestHandler()} with a cause it can name; pass to
     * {@code HttpServer.connectionHandler} of a server without h2c.
     */
    public static Handler<HttpConnection> connectionHandler() {
        return new Http1Connections();
    }

    /** Answers requests the HTTP decoder rejected with a problem; pass to {@code HttpServer.invalidRequestHandler}. */
    public static Handler<HttpServerRequest> invalidRequestHandler() {
        return new InvalidRequests();
    }

    @SafeVarargs
    private static void route(Router router, HttpMethod method, String template, Handler<RoutingContext>... chain) {
        Route route = router.route(method, template).handler(new RouteTag(template));
        if (method == HttpMethod.GET) {
            // HEAD answers as GET does (load balancers probe with it); Vert.x sends the head without the body.
            route.method(HttpMethod.HEAD);
        }
        for (Handler<RoutingContext> handler : chain) {
            route.handler(handler);
        }
    }
}
