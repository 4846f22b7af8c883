package io.adtarget.http;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/** Sends bytes a well-behaved client would refuse to send (control characters, raw non-ASCII in headers). */
final class RawHttp {
    private RawHttp() {
    }

    /** What came back before the server closed the connection; status 0 when nothing did. */
    record Reply(int status, String head, String body) {
    }

    static Reply send(Vertx vertx, int port, byte[] request) {
        NetClient client = vertx.createNetClient();
        try {
            NetSocket socket = client.connect(port, "localhost").await();
            Buffer received = Buffer.buffer();
            Promise<Void> closed = Promise.promise();
            socket.handler(received::appendBuffer);
            socket.closeHandler(v -> closed.tryComplete());
            socket.write(Buffer.buffer(request));
            // A server that never answers must fail the test, not hang it.
            closed.future().timeout(10, java.util.concurrent.TimeUnit.SECONDS).await();
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (text.isEmpty()) {
                return new Reply(0, "", "");
            }
            int split = text.indexOf("\r\n\r\n");
            return new Reply(Integer.parseInt(text.substring(9, 12)), text.substring(0, split), text.substring(split + 4));
        } finally {
            client.close();
        }
    }

    /** A POST with the given raw header line; the connection is closed after the answer. */
    static byte[] postWithHeader(String headerLine, String authorization, String json) {
        String head = "POST /api/v1/events/conversion HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + headerLine + "\r\nContent-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
