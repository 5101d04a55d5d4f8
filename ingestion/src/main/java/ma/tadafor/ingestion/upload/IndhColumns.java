package ma.tadafor.ingestion.upload;

import java.util.List;

/** The columns of an INDH project list, one row per project. */
public final class IndhColumns {

    public static final Column REF = new Column("ref", "reference", "المرجع", true,
            "Référence du projet dans la liste provinciale (1 à 128 caractères), unique.",
            "مرجع المشروع في اللائحة الإقليمية (من 1 إلى 128 حرفا)، فريد.");
    public static final Column PROVINCE = new Column("provinceCode", "province", "الإقليم", true,
            "Code HCP de la province, ex. 05.091.", "رمز الإقليم حسب المندوبية السامية للتخطيط، مثال 05.091.");
    public static final Column COMMUNE = new Column("communeCode", "commune", "الجماعة", false,
            "Code HCP de la commune, dans la province ; vide pour un projet provincial.",
            "رمز الجماعة داخل الإقليم؛ فارغ لمشروع إقليمي.");
    public static final Column PROGRAMME = new Column("programmeNo", "programme_indh", "برنامج_المبادرة", true,
            "Programme INDH de 1 à 4.", "برنامج المبادرة من 1 إلى 4.");
    public static final Column THEME = new Column("theme", "theme", "المحور", false,
            ActivityColumns.THEME.formatFr(), ActivityColumns.THEME.formatAr());
    public static final Column TITLE_FR = new Column("titleFr", "titre_fr", "العنوان_بالفرنسية", false,
            "Titre en français, 500 caractères au plus ; un titre au moins (français ou arabe).",
            "العنوان بالفرنسية، 500 حرف على الأكثر؛ عنوان واحد على الأقل (بالفرنسية أو بالعربية).");
    public static final Column TITLE_AR = new Column("titleAr", "titre_ar", "العنوان_بالعربية", false,
            "Titre en arabe, 500 caractères au plus.", "العنوان بالعربية، 500 حرف على الأكثر.");
    public static final Column TOTAL_COST = new Column("totalCostMad", "cout_total_mad", "الكلفة_الإجمالية_درهم", false,
            "Coût total en dirhams, ≥ 0.", "الكلفة الإجمالية بالدرهم، ≥ 0.");
    public static final Column INDH_SHARE = new Column("indhContributionMad", "part_indh_mad", "مساهمة_المبادرة_درهم", false,
            "Part INDH en dirhams, ≥ 0 et pas plus que le coût total.", "مساهمة المبادرة بالدرهم، ≥ 0 ولا تتجاوز الكلفة الإجمالية.");
    public static final Column START_DATE = new Column("startDate", "date_debut", "تاريخ_البداية", false,
            ActivityColumns.START_DATE.formatFr(), ActivityColumns.START_DATE.formatAr());
    public static final Column END_DATE = new Column("endDate", "date_fin", "تاريخ_النهاية", false,
            ActivityColumns.END_DATE.formatFr(), ActivityColumns.END_DATE.formatAr());
    public static final Column STATUS = new Column("status", "statut", "الحالة", false,
            "État du projet tel que la division INDH l'écrit (ex. PROGRAMMED, IN_PROGRESS, COMPLETED), 100 caractères au plus.",
            "وضعية المشروع كما يكتبها قسم المبادرة (مثال PROGRAMMED، IN_PROGRESS، COMPLETED)، 100 حرف على الأكثر.");

    public static final List<Column> ALL = List.of(REF, PROVINCE, COMMUNE, PROGRAMME, THEME, TITLE_FR, TITLE_AR,
            TOTAL_COST, INDH_SHARE, START_DATE, END_DATE, STATUS);

    private IndhColumns() {
    }
}
