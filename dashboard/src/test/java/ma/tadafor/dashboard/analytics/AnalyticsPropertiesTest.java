package ma.tadafor.dashboard.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The application's own settings, bound as the application binds them. */
class AnalyticsPropertiesTest {

    @Test
    void sparkSettingsKeepTheDotsOfTheirNames() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        AnalyticsProperties properties = new Binder(ConfigurationPropertySources.from(yaml))
                .bindOrCreate("tadafor.analytics", AnalyticsProperties.class);

        // Passed to Spark as named: a setting under any other name is ignored, without a word.
        assertThat(properties.spark()).containsEntry("spark.memory.fraction", "0.5");
    }
}
