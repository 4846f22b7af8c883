package io.adtarget.telegram;

import io.adtarget.application.port.out.TelegramBotApi;
import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live Bot API client: {@code POST {apiUrl}/bot{token}/{method}} with a JSON body on a keep-alive pool,
 * within one overall deadline, the answer read up to a cap. Every outcome is an {@link Answer}; the future
 * never fails. One log line per call names the method, the bot id, the HTTP status and the latency, never the token.
 */
public final class HttpTelegramBotApi implements TelegramBotApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTelegramBotApi.class);
    private static final int MAX_CONNECTIONS = 16;

    private final Vertx vertx;
    private final TelegramBotApiSettings settings;
    private final HttpClientAgent client;
    private final Context ownContext;

    public HttpTelegramBotApi(Vertx vertx, TelegramBotApiSettings settings) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.settings = Objects.requireNonNull(settings, "settings");
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) settings.timeout().toMillis())
                .setIdleTimeout(60)
                .setDecompressionSupported(true);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS).setMaxWaitQueueSize(MAX_CONNECTIONS * 16);
        this.client = vertx.httpClientBuilder().with(options).with(pool).build();
        this.ownContext = vertx.getOrCreateContext();
    }

    @Override
    public Future<Answer<BotIdentity>> getMe(BotToken token) {
        return call(token, "getMe", new JsonObject(), BotApiAnswers.BOT_IDENTITY);
    }

    @Override
    public Future<Answer<InviteLink>> createChatInviteLink(BotToken token, InviteLinkRequest request) {
        Objects.requireNonNull(request, "request");
        JsonObject body = new JsonObject()
                .put("chat_id", chatId(request.chatId()))
                .put("name", request.name())
                .put("expire_date", request.expireDate().getEpochSecond());
        if (request.createsJoinRequest()) {
            body.put("creates_join_request", true);
        } else {
            body.put("member_limit", 1);
        }
        return call(token, "createChatInviteLink", body, BotApiAnswers.INVITE_LINK_RESULT);
    }

    @Override
    public Future<Answer<Void>> setWebhook(BotToken token, WebhookRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        JsonObject body = new JsonObject()
                .put("url", registration.url())
                .put("secret_token", registration.secretToken())
                .put("allowed_updates", new JsonArray(registration.allowedUpdates()));
        return call(token, "setWebhook", body, BotApiAnswers.TRUE);
    }

    @Override
    public Future<Answer<Void>> deleteWebhook(BotToken token) {
        return call(token, "deleteWebhook", new JsonObject(), BotApiAnswers.TRUE);
    }

    @Override
    public Future<Answer<Void>> approveChatJoinRequest(BotToken token, String chatId, long userId) {
        Objects.requireNonNull(chatId, "chatId");
        JsonObject body = new JsonObject().put("chat_id", chatId(chatId)).put("user_id", userId);
        return call(token, "approveChatJoinRequest", body, BotApiAnswers.TRUE);
    }

    /** Closes the connection pool; calls in flight answer {@link Answer.Unreachable}. */
    public Future<Void> close() {
        return client.close();
    }

    /**
     * Runs on the caller's Vert.x context, or on the client's own when called from a plain thread: there the
     * response could complete before its body handler is set, and the body would be lost.
     */
    private <T> Future<Answer<T>> call(BotToken token, String method, JsonObject body,
            BotApiAnswers.ResultReader<T> reader) {
        Objects.requireNonNull(token, "token");
        if (Vertx.currentContext() != null) {
            return callOnContext(token, method, body, reader);
        }
        Promise<Answer<T>> result = Promise.promise();
        ownContext.runOnContext(ignored -> callOnContext(token, method, body, reader).onComplete(result));
        return result.future();
    }

    private <T> Future<Answer<T>> callOnContext(BotToken token, String method, JsonObject body,
            BotApiAnswers.ResultReader<T> reader) {
        long started = System.nanoTime();
        Duration deadline = settings.timeout();
        Promise<Answer<T>> outcome = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        int[] status = {0};
        long timer = vertx.setTimer(deadline.toMillis(), id -> {
            if (outcome.tryComplete(TransportFailures.deadlineExceeded(deadline))) {
                HttpClientRequest pending = inFlight.get();
                if (pending != null) {
                    pending.reset();
                }
            }
        });
        client.request(requestOptions(token, method))
                .compose(request -> {
                    inFlight.set(request);
                    if (outcome.future().isComplete()) {
                        // The deadline passed while we waited for a connection: free it at once.
                        request.reset();
                    }
                    return request.send(body.toBuffer());
                })
                .compose(response -> {
                    status[0] = response.statusCode();
                    return BoundedBody.read(response, inFlight.get(), settings.maxResponseBytes())
                            .map(answer -> BotApiAnswers.read(response.statusCode(), answer, token, reader));
                })
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    outcome.tryComplete(result.succeeded()
                            ? result.result()
                            : TransportFailures.classify(result.cause(), deadline));
                });
        return outcome.future().onSuccess(answer -> log(token, method, status[0], answer,
                Duration.ofNanos(System.nanoTime() - started)));
    }

    private static void log(BotToken token, String method, int status, Answer<?> answer, Duration latency) {
        String outcome = answer instanceof Answer.Refused<?> refused ? "refused code=" + refused.errorCode()
                : answer instanceof Answer.Ok<?> ? "ok" : "unreachable";
        LOG.info("telegram call method={} bot={} status={} outcome={} latency_ms={}", method, token.botId(),
                status == 0 ? "-" : status, outcome, latency.toMillis());
    }

    private RequestOptions requestOptions(BotToken token, String method) {
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(settings.apiUrl() + "/bot" + token.value() + "/" + method)
                .setIdleTimeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
    }

    /** The Bot API takes a numeric chat id as an integer and a channel's {@code @username} as a string. */
    private static Object chatId(String chatId) {
        try {
            return Long.parseLong(chatId);
        } catch (NumberFormatException notNumeric) {
            return chatId;
        }
    }
}
