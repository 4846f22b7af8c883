package io.adtarget.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A plain {@link java.net.Socket}: writes bytes no HTTP client would send, reads until the server closes. */
final class RawSocket {
    private RawSocket() {
    }

    static RawHttp.Reply exchange(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // a server that never answers or never closes fails the test instead of hanging it
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[4096];
            try {
                for (int n; (n = in.read(chunk)) != -1; ) {
                    received.write(chunk, 0, n);
                }
            } catch (SocketException reset) {
                // a reset after the answer still leaves what was read
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (text.isEmpty()) {
                return new RawHttp.Reply(0, "", "");
            }
            int split = text.indexOf("\r\n\r\n");
            return new RawHttp.Reply(Integer.parseInt(text.substring(9, 12)), text.substring(0, split),
                    text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
