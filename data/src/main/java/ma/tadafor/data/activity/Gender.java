package ma.tadafor.data.activity;

/** A participant's gender; {@code U} (unknown) is data, not an error. */
public enum Gender {
    F,
    M,
    U
}
