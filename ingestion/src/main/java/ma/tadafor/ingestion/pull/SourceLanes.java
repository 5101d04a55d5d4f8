package ma.tadafor.ingestion.pull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deals a run's sources into at most {@code gridSize} lanes, round robin: one partition (one Batch
 * step execution) a lane rather than a source, because each step execution costs a handful of
 * DuckDB commits whatever its size, which at national scale (1,503 sources of a few hundred cells)
 * outweighed the pull itself.
 */
class SourceLanes implements Partitioner {

    private final List<String> sourceIds;

    SourceLanes(String sourceIds) {
        this.sourceIds = Arrays.stream(sourceIds.split(",")).filter(id -> !id.isBlank()).toList();
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int lanes = Math.max(1, Math.min(gridSize, sourceIds.size()));
        List<List<String>> dealt = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < sourceIds.size(); i++) {
            dealt.get(i % lanes).add(sourceIds.get(i));
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int lane = 0; lane < lanes; lane++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(LaneReader.SOURCES, String.join(",", dealt.get(lane)));
            partitions.put("lane-" + (lane + 1), context);
        }
        return partitions;
    }
}
