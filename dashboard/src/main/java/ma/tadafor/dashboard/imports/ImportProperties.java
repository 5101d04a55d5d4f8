package ma.tadafor.dashboard.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import ma.tadafor.ingestion.upload.UploadLimits;

/**
 * Limits of uploaded files. {@code maxFileSize} stays below {@code spring.servlet.multipart.max-file-size}
 * so that a file over it is answered with the import's own, clear message.
 *
 * @param maxFileSize an uploaded file's size
 * @param maxRows     data rows in one file
 */
@ConfigurationProperties("tadafor.imports")
public record ImportProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("50000") int maxRows) {

    UploadLimits limits() {
        return new UploadLimits(maxFileSize.toBytes(), maxRows);
    }
}
