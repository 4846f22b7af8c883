package io.adtarget.telegram.testing;

import io.adtarget.domain.telegram.BotToken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Telegram Bot API on a local port, written from https://core.telegram.org/bots/api: it
 * serves {@code POST /bot<token>/<method>} for the bots it knows ({@link #addBot}; any other token gets
 * {@code 401 Unauthorized}), in the chats they administer ({@link #addChat}; any other gets
 * {@code 400 Bad Request: chat not found}). It implements getMe, createChatInviteLink, setWebhook,
 * deleteWebhook and approveChatJoinRequest with the Bot API's own checks, records every call, and answers
 * {@link #enqueue scripted} failures first. Parameters come as a JSON body or as query parameters.
 * {@link #deliverUpdate} plays Telegram's side of the webhook (updates from {@link TelegramUpdates}).
 */
public final class FakeTelegramBotApi {
    private static final Pattern PATH = Pattern.compile("^/bot([^/]*)/([A-Za-z]+)$");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    /** A link {@code createChatInviteLink} made, with the parameters it was made with. */
    public record CreatedInviteLink(long botId, String chatId, String url, String name, Instant expireDate,
            Integer memberLimit, boolean createsJoinRequest) {
    }

    /** What {@code setWebhook} registered. */
    public record RegisteredWebhook(long botId, String url, String secretToken, List<String> allowedUpdates) {
    }

    /** A join request {@code approveChatJoinRequest} approved. */
    public record ApprovedJoinRequest(long botId, String chatId, long userId) {
    }

    private record Bot(long id, String username, Set<String> chats) {
    }

    private final Vertx vertx;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Bot> bots = new ConcurrentHashMap<>();
    private final Queue<FakeTelegramReply> script = new ConcurrentLinkedQueue<>();
    private final List<FakeTelegramCall> calls = new CopyOnWriteArrayList<>();
    private final List<CreatedInviteLink> inviteLinks = new CopyOnWriteArrayList<>();
    private final List<ApprovedJoinRequest> approved = new CopyOnWriteArrayList<>();
    private final FakeWebhooks webhooks;
    private HttpServer server;

    private FakeTelegramBotApi(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.webhooks = new FakeWebhooks(vertx);
    }

    public static FakeTelegramBotApi create(Vertx vertx) {
        return new FakeTelegramBotApi(vertx);
    }

    /** Listens on a free port of localhost. */
    public Future<FakeTelegramBotApi> start() {
        return vertx.createHttpServer().requestHandler(this::handle).listen(0, "localhost").map(started -> {
            server = started;
            return this;
        });
    }

    public Future<Void> stop() {
        return webhooks.close().compose(closed -> server == null ? Future.succeededFuture() : server.close());
    }

    public int port() {
        return server.actualPort();
    }

    /** The value for TELEGRAM_API_URL. */
    public URI url() {
        return URI.create("http://localhost:" + port());
    }

    /** A bot whose token the fake accepts; {@code username} is what getMe answers. */
    public FakeTelegramBotApi addBot(BotToken token, String username) {
        bots.put(token.value(), new Bot(token.botId(), username, ConcurrentHashMap.newKeySet()));
        return this;
    }

    /** A chat (e.g. {@code -1001234567890}) in which the bot is an administrator with the invite rights. */
    public FakeTelegramBotApi addChat(BotToken token, String chatId) {
        Bot bot = bots.get(token.value());
        if (bot == null) {
            throw new IllegalStateException("addBot first");
        }
        bot.chats().add(chatId);
        return this;
    }

    /** Answers the next calls with these replies, in order, before any check; then the fake answers normally. */
    public FakeTelegramBotApi enqueue(FakeTelegramReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<FakeTelegramCall> calls() {
        return List.copyOf(calls);
    }

    public List<FakeTelegramCall> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public List<CreatedInviteLink> inviteLinks() {
        return List.copyOf(inviteLinks);
    }

    /** The webhook registered last, by any bot; empty when none is (deleteWebhook removes it). */
    public Optional<RegisteredWebhook> webhook() {
        return webhooks.last();
    }

    public Optional<RegisteredWebhook> webhook(BotToken token) {
        return webhooks.of(token.botId());
    }

    public List<ApprovedJoinRequest> approvedJoinRequests() {
        return List.copyOf(approved);
    }

    /**
     * Posts {@code update} as Telegram would to the webhook {@code token}'s bot registered, with its
     * {@code X-Telegram-Bot-Api-Secret-Token}, but to {@code origin} (e.g. {@code http://localhost:8080}) in place of
     * the registered https origin, since a test service does not serve https; answers the HTTP status.
     */
    public Future<Integer> deliverUpdate(BotToken token, JsonObject update, URI origin) {
        return webhooks.deliver(token.botId(), update, origin);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Matcher path = PATH.matcher(request.path());
            JsonObject parameters = parameters(request, body);
            if (path.matches()) {
                calls.add(new FakeTelegramCall(path.group(1), path.group(2), parameters));
            }
            FakeTelegramReply reply = script.poll();
            if (reply == null) {
                reply = FakeTelegramReply.normal();
            }
            FakeTelegramReply chosen = reply;
            Runnable answer = () -> answer(request.response(), chosen, path, parameters);
            if (chosen.delay().isZero()) {
                answer.run();
            } else {
                vertx.setTimer(chosen.delay().toMillis(), id -> answer.run());
            }
        });
    }

    private void answer(HttpServerResponse response, FakeTelegramReply reply, Matcher path, JsonObject parameters) {
        switch (reply.kind()) {
            case HANG -> {
            }
            case RESPOND -> response.setStatusCode(reply.status()).putHeader("Content-Type", reply.contentType())
                    .end(reply.body()).onFailure(ignored -> { });
            case OVERSIZED -> oversized(response, reply.size());
            case NORMAL -> {
                JsonObject answer = path.matches() ? perform(path.group(1), path.group(2), parameters)
                        : error(404, "Not Found");
                int status = answer.getBoolean("ok") ? 200 : answer.getInteger("error_code");
                response.setStatusCode(status).putHeader("Content-Type", "application/json").end(answer.encode())
                        .onFailure(ignored -> { });
            }
        }
    }

    private JsonObject perform(String token, String method, JsonObject parameters) {
        Bot bot = bots.get(token);
        if (bot == null) {
            return error(401, "Unauthorized");
        }
        if (parameters == null) {
            return error(400, "Bad Request: can't parse JSON object");
        }
        return switch (method) {
            case "getMe" -> ok(user(bot));
            case "createChatInviteLink" -> FakeInviteLinks.create(bot.id(), user(bot), bot.chats(), parameters,
                    this::randomLink, inviteLinks::add);
            case "setWebhook" -> webhooks.set(bot.id(), parameters);
            case "deleteWebhook" -> ok(true).put("description",
                    webhooks.delete(bot.id()) ? "Webhook was deleted" : "Webhook is already deleted");
            case "approveChatJoinRequest" -> approve(bot, parameters);
            default -> error(404, "Not Found");
        };
    }

    private JsonObject approve(Bot bot, JsonObject parameters) {
        String chatId = FakeInviteLinks.chatId(parameters);
        if (chatId == null || !bot.chats().contains(chatId)) {
            return error(400, "Bad Request: chat not found");
        }
        Long userId = FakeInviteLinks.number(parameters.getValue("user_id"));
        if (userId == null) {
            return error(400, "Bad Request: invalid user_id specified");
        }
        ApprovedJoinRequest request = new ApprovedJoinRequest(bot.id(), chatId, userId);
        if (approved.contains(request)) {
            return error(400, "Bad Request: USER_ALREADY_PARTICIPANT");
        }
        approved.add(request);
        return ok(true);
    }

    private String randomLink() {
        StringBuilder link = new StringBuilder("https://t.me/+");
        for (int i = 0; i < 16; i++) {
            link.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return link.toString();
    }

    private void oversized(HttpServerResponse response, int size) {
        response.setChunked(true).putHeader("Content-Type", "application/json");
        response.write("{\"ok\":true,\"result\":{\"padding\":\"");
        String chunk = "x".repeat(4096);
        for (int written = 0; written < size; written += chunk.length()) {
            response.write(chunk).onFailure(ignored -> { });
        }
        response.end("\"}}").onFailure(ignored -> { });
    }

    private static JsonObject user(Bot bot) {
        return new JsonObject().put("id", bot.id()).put("is_bot", true).put("first_name", bot.username())
                .put("username", bot.username()).put("can_join_groups", true)
                .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    }

    static JsonObject ok(Object result) {
        return new JsonObject().put("ok", true).put("result", result);
    }

    static JsonObject error(int code, String description) {
        return new JsonObject().put("ok", false).put("error_code", code).put("description", description);
    }

    private static JsonObject parameters(HttpServerRequest request, Buffer body) {
        JsonObject parameters = new JsonObject();
        request.params().forEach(entry -> parameters.put(entry.getKey(), entry.getValue()));
        if (body.length() == 0) {
            return parameters;
        }
        try {
            return parameters.mergeIn(new JsonObject(body));
        } catch (RuntimeException notAJsonObject) {
            return null;
        }
    }
}
