package ma.tadafor.ingestion.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A broken commune portal on a raw socket on 127.0.0.1, below what any HTTP server library would
 * let it do: it hangs after reading the request, resets the connection, or answers 200 with a JSON
 * content type and 50 MB of garbage (random bytes, or an opening that looks like a feed page).
 */
final class FaultyPortal implements AutoCloseable {

    static final long GARBAGE_BYTES = 50L * 1024 * 1024;

    enum Fault { HANG, RESET, GARBAGE, JSON_GARBAGE }

    private final Fault fault;
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong mostBytesSent = new AtomicLong();

    private FaultyPortal(Fault fault) throws IOException {
        this.fault = fault;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-portal-" + fault);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FaultyPortal start(Fault fault) throws IOException {
        return new FaultyPortal(fault);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    long requests() {
        return requests.get();
    }

    /** The most bytes of garbage one answer got through before the client hung up. */
    long mostBytesSent() {
        return mostBytesSent.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> answer(socket), "faulty-portal-" + fault + "-answer");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try {
            readRequest(socket.getInputStream());
            requests.incrementAndGet();
            switch (fault) {
                case HANG -> held.add(socket);
                case RESET -> {
                    socket.setSoLinger(true, 0); // close with RST, not FIN
                    socket.close();
                }
                case GARBAGE, JSON_GARBAGE -> sendGarbage(socket);
            }
        } catch (IOException e) {
            // The client hung up: what this portal is for.
        }
    }

    private void sendGarbage(Socket socket) throws IOException {
        long sent = 0;
        try (socket; OutputStream out = socket.getOutputStream()) {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + GARBAGE_BYTES
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Random random = new Random(7);
            if (fault == Fault.JSON_GARBAGE) {
                byte[] opening = "{\"communeCode\": \"05.091.01.07\", \"items\": [\"".getBytes(StandardCharsets.US_ASCII);
                Arrays.fill(chunk, (byte) 'x');
                System.arraycopy(opening, 0, chunk, 0, opening.length);
            }
            while (sent < GARBAGE_BYTES) {
                if (fault == Fault.GARBAGE) {
                    random.nextBytes(chunk);
                }
                int length = (int) Math.min(chunk.length, GARBAGE_BYTES - sent);
                out.write(chunk, 0, length);
                sent += length;
                if (fault == Fault.JSON_GARBAGE) {
                    Arrays.fill(chunk, (byte) 'x');
                }
            }
        } finally {
            long total = sent;
            mostBytesSent.accumulateAndGet(total, Math::max);
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before sending its request");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
