package ma.tadafor.data.committee;

/** An item a meeting's convener put on its agenda, in French and/or Arabic. */
public record AgendaItem(String textFr, String textAr) {
}
