package ma.tadafor.ingestion.pull;

import java.time.Duration;

import ma.tadafor.ingestion.portal.PortalClientSettings;

/**
 * How pulls run.
 *
 * @param parallelSources  sources pulled at the same time: the lanes (partitions) a run's sources are dealt into
 * @param chunkSize        feed items applied per transaction
 * @param watermarkOverlap how far before its watermark a source is asked again, against clock skew
 * @param portal           how each portal is called
 */
public record PullSettings(int parallelSources, int chunkSize, Duration watermarkOverlap, PortalClientSettings portal) {

    public static PullSettings defaults() {
        return new PullSettings(4, 5000, Duration.ofMinutes(5), PortalClientSettings.defaults());
    }
}
