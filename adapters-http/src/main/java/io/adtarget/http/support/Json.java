package io.adtarget.http.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adtarget.http.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON in and out: exact decimals, duplicate keys refused, plain big decimals, RFC 3339 millisecond UTC times. */
public final class Json {
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final DateTimeFormatter RFC3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /**
     * Nothing but this class's initialisation: building the mapper loads Jackson (over 100 ms on a cold JVM of the
     * bench's machine), which the router does at start-up rather than the first request on its event loop.
     */
    public static void load() {
        // the static initialiser has run by the time this body does
    }

    /** The parsed body, or a validation problem for anything that is not one JSON value. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw Problem.validation("body", "must be a JSON object").toException();
        }
        String text;
        try {
            // Jackson would guess UTF-16/32 from a byte-order mark or zero bytes; the API speaks UTF-8 only.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.validation("body", "must be UTF-8 encoded JSON").toException();
        }
        if (text.startsWith("\uFEFF") || text.indexOf('\u0000') >= 0) {
            throw Problem.validation("body", "must be UTF-8 encoded JSON without a byte-order mark or NUL bytes")
                    .toException();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw Problem.validation("body", "must be a JSON object").toException();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.validation("body", "is not valid JSON").toException();
        }
    }

    /** The parsed body, which must be a JSON object. */
    public static ObjectNode parseObject(byte[] body) {
        JsonNode node = parse(body);
        if (!(node instanceof ObjectNode object)) {
            throw Problem.validation("body", "must be a JSON object").toException();
        }
        return object;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static String time(Instant instant) {
        return instant == null ? null : RFC3339_MILLIS.format(instant);
    }
}
