package io.github.vapisessionwebhook.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An OTLP/HTTP trace receiver on loopback, standing in for the collector extension that the ADOT
 * layer runs beside a traced function: keeps each export's protobuf body, answers 200.
 */
public final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new ArrayList<>();

    public OtlpSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (exports) {
                    exports.add(body);
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every export so far, its bytes as ISO-8859-1 text (the spans' names and attributes show as such). */
    public String received() {
        StringBuilder text = new StringBuilder();
        synchronized (exports) {
            exports.forEach(body -> text.append(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)).append('\n'));
        }
        return text.toString();
    }

    public int exports() {
        synchronized (exports) {
            return exports.size();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
