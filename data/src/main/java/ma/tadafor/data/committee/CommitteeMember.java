package ma.tadafor.data.committee;

/**
 * A seat on a province's committee: the institution and its role, and the person holding it with
 * their contact, e-mail address and language ({@code fr} or {@code ar}: the brief and reminders
 * they are sent), which only the committee's own users may read.
 */
public record CommitteeMember(long id, String provinceCode, String institution, CommitteeRole role, String personName,
                              String contact, String email, String lang) {

    /** The same seat without the person: what users outside the committee see. */
    public CommitteeMember withoutPerson() {
        return new CommitteeMember(id, provinceCode, institution, role, null, null, null, null);
    }

    public CommitteeMember withId(long newId) {
        return new CommitteeMember(newId, provinceCode, institution, role, personName, contact, email, lang);
    }
}
