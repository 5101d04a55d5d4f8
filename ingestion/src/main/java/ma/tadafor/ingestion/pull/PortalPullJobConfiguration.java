package ma.tadafor.ingestion.pull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.SourceType;
import ma.tadafor.data.ingestion.WatermarkStore;
import ma.tadafor.ingestion.decidim.DecidimClient;
import ma.tadafor.ingestion.decidim.DecidimReader;
import ma.tadafor.ingestion.decidim.DecidimSettings;
import ma.tadafor.ingestion.feed.FeedEntry;
import ma.tadafor.ingestion.feed.FeedJson;
import ma.tadafor.ingestion.portal.Pause;
import ma.tadafor.ingestion.portal.PortalFeedClient;

/**
 * The {@code portalPull} job: one partition per source, pulled in parallel on a bounded pool,
 * each a chunk-oriented step (read feed entries, apply them) that a restart resumes where its
 * last chunk committed. Needs from its host a {@link DataSource} (the warehouse), the
 * {@link ActivityStore} and {@link PullSettings}.
 */
@Configuration(proxyBeanMethods = false)
@Import(WarehouseBatchConfiguration.class)
public class PortalPullJobConfiguration {

    static final String JOB_NAME = "portalPull";
    static final String RUN_ID = "runId";
    static final String SOURCES = "sources";
    static final String SOURCE_ID = "sourceId";

    @Bean
    SourceStore sourceStore(DataSource warehouse) {
        return new SourceStore(warehouse);
    }

    @Bean
    WatermarkStore watermarkStore(DataSource warehouse) {
        return new WatermarkStore(warehouse);
    }

    @Bean
    QuarantineStore quarantineStore(DataSource warehouse) {
        return new QuarantineStore(warehouse);
    }

    @Bean
    IngestionRunStore ingestionRunStore(DataSource warehouse) {
        return new IngestionRunStore(warehouse);
    }

    @Bean
    PortalFeedClient portalFeedClient(PullSettings settings) {
        return new PortalFeedClient(new FeedJson(), settings.portal(), Pause.SLEEP);
    }

    /** Decidim instances are pulled with their own client; the host may provide {@link DecidimSettings}. */
    @Bean
    DecidimClient decidimClient(ObjectProvider<DecidimSettings> settings) {
        return new DecidimClient(settings.getIfAvailable(DecidimSettings::defaults), Pause.SLEEP);
    }

    @Bean
    SourceClaims sourceClaims() {
        return new SourceClaims();
    }

    @Bean
    IngestionRuns ingestionRuns(JobOperator jobOperator, JobRepository jobRepository,
                                Job portalPull, SourceStore sources, IngestionRunStore runs, WatermarkStore watermarks,
                                SourceClaims claims) {
        return new IngestionRuns(jobOperator, jobRepository, portalPull, sources, runs, watermarks, claims);
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor sourcePullExecutor(PullSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.parallelSources());
        executor.setMaxPoolSize(settings.parallelSources());
        executor.setThreadNamePrefix("source-pull-");
        executor.setTaskDecorator(new RunLogContext());
        executor.initialize();
        return executor;
    }

    @Bean
    Job portalPull(JobRepository jobRepository, Step pullSources, IngestionRunStore runs, SourceClaims claims,
                   ObjectProvider<IngestionRunListener> listeners) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(pullSources)
                .listener(new PortalPullRunListener(runs, claims, listeners))
                .build();
    }

    @Bean
    Step pullSources(JobRepository jobRepository, Step pullSource, Partitioner sourcePartitioner,
                     ThreadPoolTaskExecutor sourcePullExecutor, PullSettings settings) {
        return new StepBuilder("pullSources", jobRepository)
                .partitioner("pullSource", sourcePartitioner)
                .step(pullSource)
                .taskExecutor(sourcePullExecutor)
                .gridSize(settings.parallelSources())
                .build();
    }

    @Bean
    @StepScope
    Partitioner sourcePartitioner(@Value("#{jobParameters['" + SOURCES + "']}") String sourceIds) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            Arrays.stream(sourceIds.split(",")).filter(id -> !id.isBlank()).forEach(id -> {
                ExecutionContext context = new ExecutionContext();
                context.putString(SOURCE_ID, id);
                partitions.put("source:" + id, context);
            });
            return partitions;
        };
    }

    @Bean
    Step pullSource(JobRepository jobRepository, DataSource warehouse, PullSettings settings,
                    ItemStreamReader<FeedEntry> sourceReader, FeedEntryWriter feedEntryWriter,
                    SourcePullListener sourcePullListener) {
        return new StepBuilder("pullSource", jobRepository)
                .<FeedEntry, FeedEntry>chunk(settings.chunkSize())
                .transactionManager(new JdbcTransactionManager(warehouse))
                .reader(sourceReader)
                .writer(feedEntryWriter)
                .listener(feedEntryWriter)
                .listener(sourcePullListener)
                .build();
    }

    @Bean
    @StepScope
    ItemStreamReader<FeedEntry> sourceReader(@Value("#{stepExecutionContext['" + SOURCE_ID + "']}") String sourceId,
                                             SourceStore sources, PortalFeedClient client, DecidimClient decidim,
                                             WatermarkStore watermarks, PullSettings settings) {
        Source source = source(sources, sourceId);
        // Both readers yield the same feed entries, so the writer, watermark and quarantine are shared.
        return source.type() == SourceType.DECIDIM
                ? new DecidimReader(source, decidim, watermarks, settings.watermarkOverlap(), PortalFeedReader.NEWEST_SEEN)
                : new PortalFeedReader(source, client, watermarks, settings.watermarkOverlap());
    }

    @Bean
    @StepScope
    FeedEntryWriter feedEntryWriter(@Value("#{stepExecutionContext['" + SOURCE_ID + "']}") String sourceId,
                                    @Value("#{jobParameters['" + RUN_ID + "']}") String runId,
                                    SourceStore sources, ActivityStore activities, QuarantineStore quarantine) {
        return new FeedEntryWriter(source(sources, sourceId), runId, activities, quarantine);
    }

    @Bean
    @StepScope
    SourcePullListener sourcePullListener(@Value("#{stepExecutionContext['" + SOURCE_ID + "']}") String sourceId,
                                          @Value("#{jobParameters['" + RUN_ID + "']}") String runId,
                                          IngestionRunStore runs, WatermarkStore watermarks, SourceClaims claims) {
        return new SourcePullListener(sourceId, runId, runs, watermarks, claims);
    }

    private static Source source(SourceStore sources, String sourceId) {
        return sources.find(sourceId).orElseThrow(() -> new IllegalStateException("source " + sourceId + " no longer exists"));
    }
}
