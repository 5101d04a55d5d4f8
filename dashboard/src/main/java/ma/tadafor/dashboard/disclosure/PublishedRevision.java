package ma.tadafor.dashboard.disclosure;

/** A revision of a closed semester as it may be shown: the approved figure and the current one, each published on its own. */
public record PublishedRevision(PublishedActual approved, PublishedActual now) {

    /** Whether either figure is suppressed: then its items are listed to no protected audience. */
    public boolean suppressed() {
        return approved.suppressed() || now.suppressed();
    }
}
