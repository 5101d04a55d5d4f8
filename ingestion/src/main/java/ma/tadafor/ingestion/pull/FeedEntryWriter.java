package ma.tadafor.ingestion.pull;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import ma.tadafor.data.activity.Activity;
import ma.tadafor.data.activity.ActivityStore;
import ma.tadafor.data.activity.ApplyResult;
import ma.tadafor.data.activity.Withdrawal;
import ma.tadafor.data.ingestion.QuarantineStore;
import ma.tadafor.data.ingestion.Source;
import ma.tadafor.ingestion.feed.FeedEntry;

/**
 * Applies a chunk of feed entries: valid items and tombstones to the facts (idempotently),
 * invalid items to the quarantine. Its counts live in the step's execution context, so they are
 * saved with each chunk and survive a restart.
 */
class FeedEntryWriter implements ItemWriter<FeedEntry>, StepExecutionListener {

    static final String READ = "count.read";
    static final String INSERTED = "count.inserted";
    static final String UPDATED = "count.updated";
    static final String DELETED = "count.deleted";
    static final String QUARANTINED = "count.quarantined";

    private final Source source;
    private final String runId;
    private final ActivityStore activities;
    private final QuarantineStore quarantine;
    private ExecutionContext counts;

    FeedEntryWriter(Source source, String runId, ActivityStore activities, QuarantineStore quarantine) {
        this.source = source;
        this.runId = runId;
        this.activities = activities;
        this.quarantine = quarantine;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        counts = stepExecution.getExecutionContext();
    }

    @Override
    public void write(Chunk<? extends FeedEntry> chunk) {
        List<Activity> valid = new ArrayList<>();
        List<Withdrawal> withdrawn = new ArrayList<>();
        List<QuarantineStore.Rejection> rejected = new ArrayList<>();
        for (FeedEntry entry : chunk) {
            if (entry instanceof FeedEntry.Valid item) {
                valid.add(item.activity());
            } else if (entry instanceof FeedEntry.Withdrawn item) {
                withdrawn.add(item.withdrawal());
            } else if (entry instanceof FeedEntry.Invalid item) {
                rejected.add(new QuarantineStore.Rejection(item.itemId(), item.reason(), item.rawText()));
            }
        }
        ApplyResult applied = activities.apply(source.id(), source.communeCode(), valid, withdrawn);
        int quarantined = quarantine.add(source.id(), runId, rejected);
        add(READ, chunk.size());
        add(INSERTED, applied.inserted());
        add(UPDATED, applied.updated());
        add(DELETED, applied.deleted());
        add(QUARANTINED, quarantined);
    }

    private void add(String key, long value) {
        counts.putLong(key, counts.getLong(key, 0) + value);
    }
}
