package ma.tadafor.ingestion.pull;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.ingestion.IngestionRunStore;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.SourceStore;
import ma.tadafor.data.ingestion.WatermarkStore;
import ma.tadafor.ingestion.decidim.DecidimClient;
import ma.tadafor.ingestion.decidim.DecidimSettings;
import ma.tadafor.ingestion.feed.FeedJson;
import ma.tadafor.ingestion.portal.Pause;
import ma.tadafor.ingestion.portal.PortalFeedClient;

/**
 * The {@code portalPull} job: the run's sources dealt into {@code parallelSources} lanes, pulled in
 * parallel on a bounded pool, each lane a chunk-oriented step that reads its sources one after the
 * other (a chunk may carry the entries of several small sources) and that a restart resumes where
 * its last chunk committed. Needs from its host a {@link DataSource} (the warehouse), the
 * {@link ActivityStore} and {@link PullSettings}.
 */
@Configuration(proxyBeanMethods = false)
@Import(WarehouseBatchConfiguration.class)
public class PortalPullJobConfiguration {

    static final String JOB_NAME = "portalPull";
    static final String RUN_ID = "runId";
    static final String SOURCES = "sources";

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
                                Job portalPull, SourceStore sources, IngestionRunStore runs, SourceClaims claims) {
        return new IngestionRuns(jobOperator, jobRepository, portalPull, sources, runs, claims);
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
    Step pullSources(JobRepository jobRepository, Step pullLane, Partitioner sourceLanes,
                     ThreadPoolTaskExecutor sourcePullExecutor, PullSettings settings) {
        return new StepBuilder("pullSources", jobRepository)
                .partitioner("pullLane", sourceLanes)
                .step(pullLane)
                .taskExecutor(sourcePullExecutor)
                .gridSize(settings.parallelSources())
                .build();
    }

    @Bean
    @StepScope
    Partitioner sourceLanes(@Value("#{jobParameters['" + SOURCES + "']}") String sourceIds) {
        return new SourceLanes(sourceIds);
    }

    @Bean
    SourceReaders sourceReaders(PortalFeedClient portals, DecidimClient decidim, PullSettings settings) {
        return new SourceReaders(portals, decidim, settings);
    }

    @Bean
    Step pullLane(JobRepository jobRepository, DataSource warehouse, PullSettings settings, LaneReader laneReader,
                  LaneWriter laneWriter) {
        return new StepBuilder("pullLane", jobRepository)
                .<LaneItem, LaneItem>chunk(settings.chunkSize())
                .transactionManager(new JdbcTransactionManager(warehouse))
                .reader(laneReader)
                .writer(laneWriter)
                .listener(laneWriter)
                .build();
    }

    @Bean
    @StepScope
    LaneReader laneReader(SourceStore sources, WatermarkStore watermarks, SourceReaders readers) {
        return new LaneReader(sources, watermarks, readers);
    }

    /** Its run history and watermarks join the chunk's transaction (see {@link LaneWriter}). */
    @Bean
    @StepScope
    LaneWriter laneWriter(@Value("#{jobParameters['" + RUN_ID + "']}") String runId, DataSource warehouse,
                          ActivityStore activities, QuarantineStore quarantine, SourceClaims claims) {
        DataSource chunkTransaction = new TransactionAwareDataSourceProxy(warehouse);
        return new LaneWriter(runId, activities, quarantine, new IngestionRunStore(chunkTransaction),
                new WatermarkStore(chunkTransaction), claims);
    }
}
