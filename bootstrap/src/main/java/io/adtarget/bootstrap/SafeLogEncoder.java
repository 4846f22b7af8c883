package io.adtarget.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Wraps the console encoder so that no logged text, whoever wrote it (our code, Vert.x, Netty) and
 * whatever it quotes from outside, can forge or reorder lines: control characters (CR, LF, NUL, ESC …),
 * format characters (bidi overrides, zero-width marks) and line separators are written as
 * {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, and a message is cut at
 * {@value LogEscaping#MAX_MESSAGE} characters. Stack frames come from our classes and are left as they are.
 */
final class SafeLogEncoder extends EncoderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> delegate;

    SafeLogEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void start() {
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(new EscapedLoggingEvent(event));
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
