package io.adtarget.bootstrap.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client on a plain socket to 127.0.0.1, so hostile requests reach the
 * server byte for byte (no client library cleaning headers): one request per connection.
 */
final class RawHttp {
    static final int TIMEOUT_MS = 10_000;

    private RawHttp() {
    }

    /** A request line, headers in order (values as raw bytes, ISO-8859-1), and a body. */
    static final class Request {
        final String label;
        final String method;
        final String target;
        final List<String[]> headers = new ArrayList<>();
        byte[] body = new byte[0];
        boolean contentLength = true;
        byte[] rawOverride;

        Request(String label, String method, String target) {
            this.label = label;
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        byte[] bytes() {
            if (rawOverride != null) {
                return rawOverride;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            for (String[] header : headers) {
                write(out, header[0] + ": ");
                // Latin-1 text goes out as single bytes; anything beyond it as its raw UTF-8 bytes
                boolean latin1 = header[1].chars().allMatch(ch -> ch <= 0xFF);
                out.writeBytes(header[1].getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
                write(out, "\r\n");
            }
            if (contentLength && (body.length > 0 || method.equals("POST") || method.equals("PATCH"))) {
                write(out, "Content-Length: " + body.length + "\r\n");
            }
            write(out, "\r\n");
            out.writeBytes(body);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public String toString() {
            String text = new String(bytes(), StandardCharsets.ISO_8859_1);
            return label + ": " + (text.length() > 600 ? text.substring(0, 600) + "…(" + text.length() + " bytes)" : text);
        }
    }

    /** What came back; {@code status} -1 when the connection ended without a parsable answer. */
    record Response(int status, Map<String, List<String>> headers, byte[] body, long latencyNanos, String failure) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Response exchange(int port, Request request) {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes());
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (413, 431): read what it said
            }
            return parse(readAll(socket.getInputStream()), System.nanoTime() - started);
        } catch (SocketTimeoutException e) {
            return new Response(-1, Map.of(), new byte[0], System.nanoTime() - started, "no answer within " + TIMEOUT_MS + " ms");
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0], System.nanoTime() - started, e.toString());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                if (complete(out.toByteArray())) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer was sent still leaves the answer readable
        }
        return out.toByteArray();
    }

    private static boolean complete(byte[] bytes) {
        int end = headerEnd(bytes);
        while (end >= 0 && bytes.length > 12 && bytes[9] == '1') {
            bytes = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            end = headerEnd(bytes);
        }
        if (end < 0) {
            return false;
        }
        String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return bytes.length - end - 4 >= Integer.parseInt(length.group(1));
        }
        return false;
    }

    private static int headerEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Response parse(byte[] bytes, long latency) {
        int end = headerEnd(bytes);
        // skip interim answers (100 Continue): the final one follows
        while (end >= 0 && bytes.length > 12 && bytes[9] == '1') {
            bytes = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            end = headerEnd(bytes);
        }
        if (end < 0) {
            return new Response(-1, Map.of(), bytes, latency, "no complete status line and headers (" + bytes.length + " bytes)");
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        List<String> length = headers.get("content-length");
        if (length != null && body.length > Integer.parseInt(length.get(0))) {
            body = java.util.Arrays.copyOf(body, Integer.parseInt(length.get(0)));
        }
        try {
            return new Response(Integer.parseInt(statusLine[1]), headers, body, latency, null);
        } catch (RuntimeException e) {
            return new Response(-1, headers, body, latency, "unparsable status line: " + lines[0]);
        }
    }
}
