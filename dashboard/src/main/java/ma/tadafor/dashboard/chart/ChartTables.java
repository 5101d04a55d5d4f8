package ma.tadafor.dashboard.chart;

import java.util.List;

import org.springframework.http.ResponseEntity;

import ma.tadafor.dashboard.api.InvalidParameterException;
import ma.tadafor.dashboard.export.TableExports;

/** The download behind every chart's table: the chart named in the path, as CSV (default) or XLSX. */
public final class ChartTables {

    private ChartTables() {
    }

    public static ResponseEntity<byte[]> download(TableExports exports, List<ChartView> charts, String chart, String format) {
        String asked = format == null ? "csv" : format;
        if (!TableExports.wantsFile(asked)) {
            throw new InvalidParameterException("format", "must be csv or xlsx");
        }
        ChartView view = charts.stream().filter(candidate -> candidate.id().equals(chart)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("chart", "'" + chart + "' is not a chart of this page"));
        return exports.download(view.table(), asked);
    }
}
