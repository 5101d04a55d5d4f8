package ma.tadafor.dashboard.api;

import java.util.List;

/** The public API's list envelope: {@code {"items": [...]}}. */
public record Items<T>(List<T> items) {
}
