package ma.tadafor.dashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tadafor Observatory: the supervision platform of the Tadafor citizen-participation programme. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TadaforApplication {

    public static void main(String[] args) {
        SpringApplication.run(TadaforApplication.class, args);
    }
}
