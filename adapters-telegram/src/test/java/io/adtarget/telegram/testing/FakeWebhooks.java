package io.adtarget.telegram.testing;

import io.adtarget.telegram.testing.FakeTelegramBotApi.RegisteredWebhook;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The fake's webhook registrations per bot, and Telegram's side of the webhook: posting updates to it. */
final class FakeWebhooks {
    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final Vertx vertx;
    private final Context context;
    private final Map<Long, RegisteredWebhook> byBot = new ConcurrentHashMap<>();
    private volatile RegisteredWebhook last;
    private HttpClientAgent client;

    FakeWebhooks(Vertx vertx) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
    }

    /** {@code setWebhook}: an empty url removes the webhook, as the Bot API documents. */
    JsonObject set(long botId, JsonObject parameters) {
        String url = parameters.getValue("url") instanceof String text ? text : null;
        if (url == null) {
            return FakeTelegramBotApi.error(400, "Bad Request: parameter \"url\" is required");
        }
        if (url.isEmpty()) {
            byBot.remove(botId);
            return FakeTelegramBotApi.ok(true).put("description", "Webhook was deleted");
        }
        if (!url.startsWith("https://")) {
            return FakeTelegramBotApi.error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        Object secret = parameters.getValue("secret_token");
        if (secret != null && !(secret instanceof String text && SECRET_TOKEN.matcher(text).matches())) {
            return FakeTelegramBotApi.error(400, "Bad Request: secret token contains unallowed characters");
        }
        List<String> allowed = allowedUpdates(parameters.getValue("allowed_updates"));
        if (allowed == null) {
            return FakeTelegramBotApi.error(400, "Bad Request: can't parse allowed updates");
        }
        RegisteredWebhook webhook = new RegisteredWebhook(botId, url, (String) secret, allowed);
        byBot.put(botId, webhook);
        last = webhook;
        return FakeTelegramBotApi.ok(true).put("description", "Webhook was set");
    }

    boolean delete(long botId) {
        return byBot.remove(botId) != null;
    }

    Optional<RegisteredWebhook> of(long botId) {
        return Optional.ofNullable(byBot.get(botId));
    }

    /** The webhook registered last, by any bot, while it is still registered. */
    Optional<RegisteredWebhook> last() {
        RegisteredWebhook latest = last;
        return latest != null && byBot.get(latest.botId()) == latest ? Optional.of(latest) : Optional.empty();
    }

    /**
     * Runs on a Vert.x context even when called from a test's thread: there the response could end before its
     * body handler is set.
     */
    Future<Integer> deliver(long botId, JsonObject update, URI origin) {
        if (Vertx.currentContext() != null) {
            return deliverOnContext(botId, update, origin);
        }
        Promise<Integer> status = Promise.promise();
        context.runOnContext(ignored -> deliverOnContext(botId, update, origin).onComplete(status));
        return status.future();
    }

    private Future<Integer> deliverOnContext(long botId, JsonObject update, URI origin) {
        RegisteredWebhook webhook = byBot.get(botId);
        if (webhook == null) {
            return Future.failedFuture(new IllegalStateException("no webhook registered for bot " + botId));
        }
        URI registered = URI.create(webhook.url());
        String target = origin.toString().replaceFirst("/$", "") + registered.getRawPath()
                + (registered.getRawQuery() == null ? "" : "?" + registered.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target)
                .putHeader("Content-Type", "application/json");
        if (webhook.secretToken() != null) {
            options.putHeader("X-Telegram-Bot-Api-Secret-Token", webhook.secretToken());
        }
        return client().request(options).compose(request -> request.send(update.toBuffer()))
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    synchronized Future<Void> close() {
        return client == null ? Future.succeededFuture() : client.close();
    }

    private synchronized HttpClientAgent client() {
        if (client == null) {
            client = vertx.createHttpClient();
        }
        return client;
    }

    private static List<String> allowedUpdates(Object value) {
        if (value == null) {
            return List.of();
        }
        try {
            JsonArray array = value instanceof JsonArray json ? json : new JsonArray((String) value);
            return array.stream().map(String.class::cast).toList();
        } catch (RuntimeException notAListOfStrings) {
            return null;
        }
    }
}
