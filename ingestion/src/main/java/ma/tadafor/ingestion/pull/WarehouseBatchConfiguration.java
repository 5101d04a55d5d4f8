package ma.tadafor.ingestion.pull;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;

/**
 * Spring Batch's job repository in the DuckDB warehouse, so an interrupted pull resumes after a
 * restart. DuckDB speaks PostgreSQL's dialect for what Batch needs (sequences, {@code nextval}),
 * but refuses SERIALIZABLE as an explicit isolation level; its transactions are snapshot-isolated
 * anyway. The schema is created by the warehouse migrations (V003). Jobs are launched
 * asynchronously: {@code POST /ingestion/runs} answers 202 at once.
 */
@Configuration(proxyBeanMethods = false)
public class WarehouseBatchConfiguration extends JdbcDefaultBatchConfiguration {

    private final DataSource warehouse;
    private final PlatformTransactionManager transactionManager;

    public WarehouseBatchConfiguration(DataSource warehouse) {
        this.warehouse = warehouse;
        this.transactionManager = new JdbcTransactionManager(warehouse);
    }

    @Override
    protected DataSource getDataSource() {
        return warehouse;
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return transactionManager;
    }

    @Override
    protected String getDatabaseType() {
        return "POSTGRES";
    }

    @Override
    protected Isolation getIsolationLevelForCreate() {
        return Isolation.DEFAULT;
    }

    @Override
    protected TaskExecutor getTaskExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingestion-run-");
        executor.setTaskDecorator(new RunLogContext());
        return executor;
    }
}
