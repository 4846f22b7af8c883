package io.adtarget.bootstrap;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/** An exception of a log event with its message escaped. */
record EscapedThrowableProxy(IThrowableProxy proxy) implements IThrowableProxy {
    @Override
    public String getMessage() {
        return LogEscaping.escape(proxy.getMessage(), LogEscaping.MAX_MESSAGE);
    }

    @Override
    public String getClassName() {
        return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        IThrowableProxy cause = proxy.getCause();
        return cause == null ? null : new EscapedThrowableProxy(cause);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = proxy.getSuppressed();
        if (suppressed == null) {
            return null;
        }
        IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
        for (int i = 0; i < suppressed.length; i++) {
            escaped[i] = new EscapedThrowableProxy(suppressed[i]);
        }
        return escaped;
    }

    @Override
    public boolean isCyclic() {
        return proxy.isCyclic();
    }
}
