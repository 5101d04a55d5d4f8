package ma.tadafor.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.tadafor.dashboard.TadaforApplication;

/**
 * A start that cannot succeed ends the process, non-zero, with the reason, and leaves no JVM behind
 * (a limit past which ChildJvm kills it fails the test): systemd and Compose see the failure at once.
 */
class FailedStartTest {

    /**
     * A child JVM's start takes 10–30 s on a 2-core machine, and past 90 s when every core is taken by
     * other builds (seen at a load of 15): a failed one must not outlive this.
     */
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path folder;

    @Test
    void aDemoOnAPortInUseExitsNonZeroNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ChildJvm.Ended application = start("demo", "--server.port=" + taken.getLocalPort(), "--tadafor.demo.scale=0.01");

            assertThat(application.exitValue()).as(application.output()).isNotZero();
            assertThat(application.output()).contains("APPLICATION FAILED TO START")
                    .contains("Port " + taken.getLocalPort() + " was already in use");
        }
    }

    @Test
    void prodWithoutItsAdministratorRefusesToStartNamingTheMissingSettings() throws Exception {
        ChildJvm.Ended application = start("prod", "--server.port=0");

        assertThat(application.exitValue()).as(application.output()).isNotZero();
        assertThat(application.output()).contains("APPLICATION FAILED TO START")
                .contains("tadafor.security.initial-admin.username (TADAFOR_SECURITY_INITIAL_ADMIN_USERNAME)")
                .contains("tadafor.security.initial-admin.password (TADAFOR_SECURITY_INITIAL_ADMIN_PASSWORD)");
    }

    @Test
    void prodWithAUserNameButNoPasswordNamesThePassword() throws Exception {
        ChildJvm.Ended application = start("prod", "--server.port=0", "--tadafor.security.initial-admin.username=root-admin");

        assertThat(application.exitValue()).as(application.output()).isNotZero();
        assertThat(application.output()).contains("TADAFOR_SECURITY_INITIAL_ADMIN_PASSWORD")
                .doesNotContain("TADAFOR_SECURITY_INITIAL_ADMIN_USERNAME)");
    }

    @Test
    void theDemoRefusesEveryInterfaceUnlessToldInSoManyWords() throws Exception {
        ChildJvm.Ended application = start("demo", "--server.address=0.0.0.0", "--server.port=0", "--tadafor.demo.scale=0.01");

        assertThat(application.exitValue()).as(application.output()).isNotZero();
        assertThat(application.output()).contains("APPLICATION FAILED TO START")
                .contains("The demo profile would listen on 0.0.0.0")
                .contains("tadafor.demo.allow-non-loopback=true");
        assertThat(application.output()).as("refused before it listened").doesNotContain("Tomcat started on port");
    }

    private ChildJvm.Ended start(String profile, String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profile,
                "--tadafor.warehouse.path=" + folder.resolve("warehouse.duckdb"),
                "--tadafor.analytics.exchange=" + folder.resolve("exchange"), "--tadafor.ingestion.schedule=false"));
        args.addAll(List.of(settings));
        return ChildJvm.run(ChildJvm.command(TadaforApplication.class, args.toArray(String[]::new)),
                Files.createTempFile(folder, "child", ".log"), LIMIT);
    }
}
