package ma.tadafor.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tadafor Observatory: the supervision platform of the Tadafor citizen-participation programme. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TadaforApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(TadaforApplication.class, args);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // build tools (AOT) stop the run on purpose
        } catch (RuntimeException e) {
            // Spring Boot has reported why and closed the context; a thread a library left behind
            // (Spark's, a pool's) must not keep a failed start alive: systemd and Compose restart on the exit code.
            System.exit(1);
        }
    }
}
