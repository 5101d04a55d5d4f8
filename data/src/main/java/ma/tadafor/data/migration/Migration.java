package ma.tadafor.data.migration;

/** One numbered SQL script of {@code db/migration}. */
public record Migration(int version, String description, String script, String checksum) {
}
