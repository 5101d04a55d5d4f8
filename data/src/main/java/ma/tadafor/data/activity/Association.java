package ma.tadafor.data.activity;

/** An association (CSO) involved in an activity, as its commune's portal identifies it. */
public record Association(String id, String name) {
}
