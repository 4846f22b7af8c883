package io.adtarget.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever a log message quotes from outside, each event stays one line that reads as it was written. */
class LoggingTest {
    private static final String FORGED = "fbtrace_id=x\n2026-01-01T00:00:00.000Z ERROR [main] Main - forged\r\u0000";
    private static final String RTL = "name=\u202Egnp.exe\u2066 zero\u200Bwidth esc=\u001B[31m";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.LogFormat.class)
    void a_message_with_line_breaks_and_nul_stays_one_line_with_them_escaped(Config.LogFormat format) {
        String line = encode(format, FORGED);

        assertThat(line.lines()).hasSize(1);
        assertThat(message(format, line)).contains("fbtrace_id=x\\n2026-01-01T00:00:00.000Z ERROR").contains("forged\\r\\u0000");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.LogFormat.class)
    void bidi_overrides_zero_width_marks_and_terminal_escapes_are_written_as_escapes(Config.LogFormat format) {
        String message = message(format, encode(format, RTL));

        assertThat(message).doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\u200B")
                .doesNotContain("\u001B")
                .contains("name=\\u202egnp.exe\\u2066 zero\\u200bwidth esc=\\u001b[31m");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.LogFormat.class)
    void a_huge_message_is_cut_and_says_how_much_was_left_out(Config.LogFormat format) {
        String message = message(format, encode(format, "v=" + "x".repeat(100_000)));

        assertThat(message).hasSizeLessThan(LogEscaping.MAX_MESSAGE + 40).endsWith("…[" + (100_002 - LogEscaping.MAX_MESSAGE) + " more chars]");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.LogFormat.class)
    void ordinary_text_with_accents_and_emoji_is_left_as_it_is(Config.LogFormat format) {
        assertThat(message(format, encode(format, "café — Grüße 🚀 ready in 12 ms"))).isEqualTo("café — Grüße 🚀 ready in 12 ms");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Config.LogFormat.class)
    void key_value_pairs_are_escaped_too(Config.LogFormat format) {
        LoggerContext context = newContext();
        Encoder<ILoggingEvent> encoder = Logging.encoder(format, context);
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.adtarget.test"), Level.INFO, "request", null, null);
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("method", "X\nERROR forged"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("ERROR forged");
    }

    private static String encode(Config.LogFormat format, String message) {
        LoggerContext context = newContext();
        Encoder<ILoggingEvent> encoder = Logging.encoder(format, context);
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.adtarget.test"), Level.WARN, "{}", null,
                new Object[] {message});
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private static String message(Config.LogFormat format, String line) {
        if (format == Config.LogFormat.JSON) {
            return new JsonObject(line).getString("message");
        }
        String afterDash = line.substring(line.indexOf(" - ") + 3);
        return afterDash.substring(0, afterDash.length() - 2); // the pattern's trailing " %kvp" and newline
    }

    /** A bare context with the MDC adapter that Logback's own initialisation would give it. */
    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }
}
