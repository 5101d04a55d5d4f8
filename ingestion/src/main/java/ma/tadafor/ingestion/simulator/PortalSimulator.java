package ma.tadafor.ingestion.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.Seeds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commune portals on 127.0.0.1 serving the demo generator's activities through the feed of
 * PORTAL_FEED.md, with the faults of {@link SimulatorSettings}. Each commune answers at
 * {@link #baseUrl} with its {@link #token}; its feed is generated on first use and kept, and it
 * changes only through the simulator: items changed while paged, {@link #touch}, {@link #passDays} and
 * {@link #withdraw}, stamped by the commune's own clock ({@link #now}), never by the wall clock.
 */
public final class PortalSimulator implements AutoCloseable {

    /** The status under which {@link #answered} counts connections closed without an answer. */
    public static final int RESET = 0;

    static {
        // The JDK server flushes an answer's headers before its body; with Nagle's algorithm on, a short
        // body then waits for the client's delayed ACK, ~40 ms an answer. Read once, by the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorSettings settings;
    private final Map<String, CommunePortal> portals;
    private final HttpServer server;
    private final ExecutorService executor;

    private PortalSimulator(SimulatorSettings settings, Map<String, CommunePortal> portals, HttpServer server,
            ExecutorService executor) {
        this.settings = settings;
        this.portals = portals;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving the communes' portals; {@link #close} stops it. */
    public static PortalSimulator start(SimulatorSettings settings, List<DemoCommune> communes) {
        DemoDataGenerator generator = new DemoDataGenerator(settings.seed(), settings.scale());
        ItemJson itemJson = new ItemJson(JsonMapper.builder().build());
        Map<String, CommunePortal> portals = new LinkedHashMap<>();
        for (DemoCommune commune : communes) {
            String token = settings.tokens().getOrDefault(commune.code(), defaultToken(settings.seed(), commune.code()));
            portals.put(commune.code(), new CommunePortal(commune.code(), token, settings.failures().get(commune.code()),
                    () -> CommuneFeed.materialise(generator, commune, settings, itemJson)));
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "portal-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), settings.port()), 64);
            server.createContext("/", new PortalHandler(settings, portals, itemJson));
            server.setExecutor(executor);
            server.start();
            return new PortalSimulator(settings, portals, server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("the portal simulator could not listen on port " + settings.port(), e);
        }
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The communes served, in the order they were given. */
    public List<String> communeCodes() {
        return List.copyOf(portals.keySet());
    }

    /** {@code http://127.0.0.1:{port}/communes/{communeCode}}: the source's base URL. */
    public String baseUrl(String communeCode) {
        return "http://127.0.0.1:" + port() + PortalHandler.COMMUNES + portal(communeCode).code();
    }

    /** The bearer token the commune's portal expects. */
    public String token(String communeCode) {
        return portal(communeCode).token();
    }

    /** Generates every commune's feed now rather than on its first request, e.g. before timing a pull. */
    public void materialiseAll() {
        portals.values().parallelStream().forEach(CommunePortal::feed);
    }

    /**
     * Gives a share {@code fraction} of the commune's activities a new version now (one more person in
     * one cell, a later updatedAt); each touch draws its own items, reproducibly.
     *
     * @return the touched items' ids, in the order their new versions are served
     */
    public List<String> touch(String communeCode, double fraction) {
        return portal(communeCode).feed().touch(fraction);
    }

    /** {@link #touch} on every commune; returns how many items were touched. */
    public long touchAll(double fraction) {
        return portals.keySet().stream().mapToLong(code -> touch(code, fraction).size()).sum();
    }

    /**
     * The portals live {@code days} more days: their clocks move on and petitions take the steps of
     * their life cycle that fall in that time, each a new version dated the day it happens.
     *
     * @return how many steps were taken, over all communes
     */
    public long passDays(int days) {
        return portals.values().stream().mapToLong(portal -> portal.feed().passDays(days)).sum();
    }

    /** The item is withdrawn now: it is served as a tombstone from then on. */
    public void withdraw(String communeCode, String itemId) {
        portal(communeCode).feed().withdraw(itemId);
    }

    /** The commune's clock: its feed's {@code generatedAt} and the updatedAt of its latest change. */
    public Instant now(String communeCode) {
        return portal(communeCode).feed().now();
    }

    public FeedCounts counts(String communeCode) {
        return portal(communeCode).feed().counts();
    }

    /** How the item is served broken, if it is (the same at every request and in every version). */
    public Optional<Malformation> malformation(String communeCode, String itemId) {
        return Optional.ofNullable(Malformation.of(settings.seed(), settings.malformedItemRate(),
                portal(communeCode).code(), itemId));
    }

    /** Requests received for the commune's portal. */
    public long requests(String communeCode) {
        return portal(communeCode).requests();
    }

    /** Requests of the commune answered with {@code status} ({@link #RESET} for connections closed unanswered). */
    public long answered(String communeCode, int status) {
        return portal(communeCode).answered(status);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private CommunePortal portal(String communeCode) {
        CommunePortal portal = portals.get(communeCode);
        if (portal == null) {
            throw new IllegalArgumentException("the simulator serves no commune " + communeCode);
        }
        return portal;
    }

    private static String defaultToken(long seed, String communeCode) {
        return "sim-" + HexFormat.of().toHexDigits(Seeds.random(seed, "token", communeCode).nextLong());
    }
}
