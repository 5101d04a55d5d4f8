package ma.tadafor.ingestion.pull;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

/**
 * The run id in every log line of a run ({@code runId} in the logging context, MDC): set where a
 * run is launched and carried to the threads that execute its job and its sources' steps.
 */
public final class RunLogContext implements TaskDecorator {

    public static final String RUN_ID = "runId";

    /** Puts {@code runId} in the logging context until the returned handle is closed. */
    public static MDC.MDCCloseable of(String runId) {
        return MDC.putCloseable(RUN_ID, runId);
    }

    /** The task runs with the logging context of the thread that submitted it. */
    @Override
    public Runnable decorate(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        };
    }
}
