package io.adtarget.bootstrap;

/** Escapes text for one log line: what could end, forge or reorder a line becomes visible escapes. */
final class LogEscaping {
    static final int MAX_MESSAGE = 4096;

    private LogEscaping() {
    }

    /** {@code text} with every unsafe character escaped, at most {@code max} characters of it kept. */
    static String escape(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int length = Math.min(text.length(), max);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (safe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        String kept = out == null ? text.substring(0, length) : out.toString();
        return text.length() <= max ? kept : kept + "…[" + (text.length() - max) + " more chars]";
    }

    private static boolean safe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
                && type != Character.UNASSIGNED;
    }
}
