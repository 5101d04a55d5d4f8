package ma.tadafor.ingestion.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import ma.tadafor.ingestion.demo.DemoCommune;
import ma.tadafor.ingestion.demo.DemoDataGenerator;
import ma.tadafor.ingestion.demo.ProgrammeCommunes;

/**
 * Runs the portal simulator on its own for the 60 programme communes (or all 1,503 with
 * {@code --communes national}), until killed: prints each commune's base URL and token, one commune
 * a line, tab-separated.
 */
public final class PortalSimulatorMain {

    private static final String USAGE = """
            usage: PortalSimulatorMain [--port 8089] [--seed 42] [--scale 1 | --cells N] [--communes programme|national]
                   [--threads 8]
                   [--latency-ms 0] [--reset-rate 0] [--429-rate 0] [--retry-after 1] [--503-rate 0]
                   [--html-rate 0] [--malformed-rate 0] [--change-while-paging-rate 0] [--tombstone-rate 0] [--lazy]
            --cells N picks the scale at which the communes hold about N participation cells;
            --communes national serves every commune of the reference instead of the programme's 60;
            --lazy generates each commune's feed at its first request instead of at start.""";
    private static final Set<String> FLAGS = Set.of("--port", "--seed", "--scale", "--cells", "--communes", "--threads",
            "--latency-ms", "--reset-rate", "--429-rate", "--retry-after", "--503-rate", "--html-rate",
            "--malformed-rate", "--change-while-paging-rate", "--tombstone-rate");

    private PortalSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        List<DemoCommune> communes;
        SimulatorSettings settings;
        try {
            options = options(args);
            communes = communes(options.getOrDefault("--communes", "programme"));
            settings = settings(options, communes);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        PortalSimulator simulator = PortalSimulator.start(settings, communes);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.printf("Portal simulator on http://127.0.0.1:%d (seed %d, scale %s)%n",
                simulator.port(), settings.seed(), settings.scale());
        if (!options.containsKey("--lazy")) {
            long start = System.nanoTime();
            simulator.materialiseAll();
            long cells = simulator.communeCodes().stream().mapToLong(code -> simulator.counts(code).cells()).sum();
            System.out.printf("%d communes, %d participation cells, generated in %.1f s%n",
                    simulator.communeCodes().size(), cells, (System.nanoTime() - start) / 1e9);
        }
        System.out.println("commune\tbaseUrl\ttoken");
        for (String code : simulator.communeCodes()) {
            System.out.println(code + "\t" + simulator.baseUrl(code) + "\t" + simulator.token(code));
        }
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static SimulatorSettings settings(Map<String, String> options, List<DemoCommune> communes) {
        long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
        double scale = options.containsKey("--cells")
                ? DemoDataGenerator.scaleFor(Long.parseLong(options.get("--cells")), seed, communes)
                : Double.parseDouble(options.getOrDefault("--scale", "1"));
        return SimulatorSettings.builder()
                .seed(seed)
                .scale(scale)
                .port(Integer.parseInt(options.getOrDefault("--port", "8089")))
                .threads(Integer.parseInt(options.getOrDefault("--threads", "8")))
                .latency(Duration.ofMillis(Long.parseLong(options.getOrDefault("--latency-ms", "0"))))
                .resetRate(rate(options, "--reset-rate"))
                .tooManyRequests(rate(options, "--429-rate"), Integer.parseInt(options.getOrDefault("--retry-after", "1")))
                .unavailableRate(rate(options, "--503-rate"))
                .htmlRate(rate(options, "--html-rate"))
                .malformedItemRate(rate(options, "--malformed-rate"))
                .changeWhilePagingRate(rate(options, "--change-while-paging-rate"))
                .tombstoneRate(rate(options, "--tombstone-rate"))
                .build();
    }

    private static List<DemoCommune> communes(String which) {
        return switch (which) {
            case "programme" -> ProgrammeCommunes.all();
            case "national" -> ProgrammeCommunes.nationalRollout();
            default -> throw new IllegalArgumentException("--communes must be programme or national: " + which);
        };
    }

    private static double rate(Map<String, String> options, String flag) {
        return Double.parseDouble(options.getOrDefault(flag, "0"));
    }

    /** {@code --flag value} pairs, and the bare {@code --lazy}. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lazy")) {
                options.put("--lazy", "");
            } else if (FLAGS.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option in " + Arrays.toString(args));
            }
        }
        return options;
    }
}
