package ma.tadafor.dashboard.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request body read, but for multipart uploads (bounded by
 *                {@code spring.servlet.multipart}): a JSON document of the API is a few kilobytes,
 *                and a 3 MB one held a core and a connection for minutes
 */
@ConfigurationProperties("tadafor.request-body")
public record RequestBodyProperties(@DefaultValue("1MB") DataSize maxSize) {
}
