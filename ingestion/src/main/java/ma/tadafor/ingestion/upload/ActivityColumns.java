package ma.tadafor.ingestion.upload;

import java.util.List;
import java.util.Map;

/**
 * The columns of an activity upload: the portal feed's item fields (PORTAL_FEED.md), flattened to
 * one row per activity × participation cell. Activity columns repeat on every row of the activity.
 */
public final class ActivityColumns {

    public static final Column ID = new Column("id", "identifiant", "المعرف", true,
            "Identifiant stable de l'activité dans la commune (1 à 128 caractères) ; le même sur toutes ses lignes.",
            "معرف ثابت للنشاط داخل الجماعة (من 1 إلى 128 حرفا)؛ نفسه في جميع أسطره.");
    public static final Column UPDATED_AT = new Column("updatedAt", "modifie_le", "تاريخ_التعديل", true,
            "Date et heure de la dernière modification (AAAA-MM-JJ HH:MM, UTC). Une correction doit porter une date plus récente, sinon elle est ignorée.",
            "تاريخ وساعة آخر تعديل (AAAA-MM-JJ HH:MM بالتوقيت العالمي). يجب أن يحمل التصحيح تاريخا أحدث وإلا تم تجاهله.");
    public static final Column DELETED = new Column("deleted", "supprime", "محذوف", false,
            "oui pour retirer l'activité et sa participation ; vide sinon.",
            "نعم لسحب النشاط والمشاركة فيه؛ يترك فارغا في غير ذلك.");
    public static final Column MECHANISM = new Column("mechanism", "mecanisme", "الآلية", true,
            "Le mécanisme, choisi dans la liste (Pétition, Avis consultatif, Budget participatif…) ; le libellé arabe ou le code (PETITION…) sont aussi acceptés.",
            "الآلية، تختار من القائمة (عريضة، رأي استشاري، الميزانية التشاركية…)؛ تقبل أيضا التسمية الفرنسية أو الرمز (PETITION…).");
    public static final Column STATUS = new Column("status", "statut", "الحالة", true,
            "PLANNED, SUBMITTED, ADMISSIBLE, INADMISSIBLE, ON_AGENDA, ACCEPTED, REJECTED, IN_PROGRESS, HELD, IMPLEMENTED, CLOSED, CANCELLED.",
            "PLANNED، SUBMITTED، ADMISSIBLE، INADMISSIBLE، ON_AGENDA، ACCEPTED، REJECTED، IN_PROGRESS، HELD، IMPLEMENTED، CLOSED، CANCELLED.");
    public static final Column START_DATE = new Column("startDate", "date_debut", "تاريخ_البداية", false,
            "AAAA-MM-JJ ou JJ/MM/AAAA.", "AAAA-MM-JJ أو JJ/MM/AAAA.");
    public static final Column END_DATE = new Column("endDate", "date_fin", "تاريخ_النهاية", false,
            "AAAA-MM-JJ ou JJ/MM/AAAA ; pas avant la date de début.", "AAAA-MM-JJ أو JJ/MM/AAAA؛ لا يسبق تاريخ البداية.");
    public static final Column TITLE_FR = new Column("titleFr", "titre_fr", "العنوان_بالفرنسية", false,
            "Titre en français, 500 caractères au plus.", "العنوان بالفرنسية، 500 حرف على الأكثر.");
    public static final Column TITLE_AR = new Column("titleAr", "titre_ar", "العنوان_بالعربية", false,
            "Titre en arabe, 500 caractères au plus.", "العنوان بالعربية، 500 حرف على الأكثر.");
    public static final Column THEME = new Column("theme", "theme", "المحور", false,
            "EDUCATION, HEALTH, INFRASTRUCTURE, WATER_SANITATION, ENVIRONMENT, YOUTH_SPORT_CULTURE, ECONOMIC_INCLUSION, SOCIAL_PROTECTION, GOVERNANCE, OTHER.",
            "EDUCATION، HEALTH، INFRASTRUCTURE، WATER_SANITATION، ENVIRONMENT، YOUTH_SPORT_CULTURE، ECONOMIC_INCLUSION، SOCIAL_PROTECTION، GOVERNANCE، OTHER.");
    public static final Column INITIATOR = new Column("initiator", "initiateur", "المبادر", false,
            "CITIZENS, ASSOCIATION, COMMUNE, IEECAG, YOUTH_COUNCIL, OTHER.",
            "CITIZENS، ASSOCIATION، COMMUNE، IEECAG، YOUTH_COUNCIL، OTHER.");
    public static final Column INDH_PROJECT_REF = new Column("indhProjectRef", "ref_projet_indh", "مرجع_مشروع_المبادرة", false,
            "Référence du projet INDH lié, telle que la liste provinciale la donne.",
            "مرجع مشروع المبادرة الوطنية للتنمية البشرية المرتبط، كما في اللائحة الإقليمية.");
    public static final Column FUNDING_TADAFOR = amount("fundingTadaforMad", "financement_tadafor_mad", "تمويل_تضافر_درهم");
    public static final Column FUNDING_COMMUNE = amount("fundingCommuneMad", "financement_commune_mad", "تمويل_الجماعة_درهم");
    public static final Column FUNDING_INDH = amount("fundingIndhMad", "financement_indh_mad", "تمويل_المبادرة_درهم");
    public static final Column FUNDING_OTHER = amount("fundingOtherMad", "financement_autre_mad", "تمويل_آخر_درهم");
    public static final Column ASSOCIATIONS = new Column("associations", "associations", "الجمعيات", false,
            "Associations impliquées : identifiant:nom, séparées par | (ex. a-12:Association Amal | a-40:Jeunes d'Azilal).",
            "الجمعيات المعنية: المعرف:الاسم، مفصولة بالرمز | (مثال a-12:جمعية أمل | a-40:شباب أزيلال).");
    public static final Column GENDER = new Column("gender", "genre", "الجنس", false,
            "Femmes, Hommes ou Genre inconnu, choisi dans la liste (ou F, M, U). Requis si la ligne a un effectif.",
            "النساء أو الرجال أو نوع غير معروف، من القائمة (أو F أو M أو U). إلزامي إذا تضمن السطر عددا.");
    public static final Column AGE_BAND = new Column("ageBand", "tranche_age", "الفئة_العمرية", false,
            "La tranche d'âge, choisie dans la liste (Moins de 18 ans, 18 à 24 ans… ; ou 18-24…). Requis si la ligne a un effectif.",
            "الفئة العمرية، من القائمة (أقل من 18 سنة، من 18 إلى 24 سنة…؛ أو 18-24…). إلزامي إذا تضمن السطر عددا.");
    public static final Column DISABILITY = new Column("disability", "handicap", "إعاقة", false,
            "oui, non, ou vide si inconnu.", "نعم أو لا، أو فارغ إذا كان غير معروف.");
    public static final Column ROLE = new Column("role", "role", "الصفة", false,
            "La qualité des participants, choisie dans la liste (Citoyens, Membres d'associations, Élus… ; ou CITIZEN…). Requis si la ligne a un effectif.",
            "صفة المشاركين، من القائمة (المواطنون، أعضاء الجمعيات، المنتخبون…؛ أو CITIZEN…). إلزامي إذا تضمن السطر عددا.");
    public static final Column COUNT = new Column("count", "effectif", "العدد", false,
            "Nombre de personnes de cette cellule, entier de 1 à 1 000 000. Vide : l'activité n'a pas de participation sur cette ligne.",
            "عدد الأشخاص في هذه الخانة، عدد صحيح من 1 إلى 1000000. فارغ: لا مشاركة في هذا السطر.");

    /** Every column, in the templates' order. */
    public static final List<Column> ALL = List.of(ID, UPDATED_AT, DELETED, MECHANISM, STATUS, START_DATE, END_DATE,
            TITLE_FR, TITLE_AR, THEME, INITIATOR, INDH_PROJECT_REF, FUNDING_TADAFOR, FUNDING_COMMUNE, FUNDING_INDH,
            FUNDING_OTHER, ASSOCIATIONS, GENDER, AGE_BAND, DISABILITY, ROLE, COUNT);

    /** The coded columns a clerk may fill in with labels of either language, and the drop-downs of the template. */
    public static final Map<Column, Vocabulary> LISTED = Map.of(DELETED, Vocabulary.YES_NO, MECHANISM, Vocabulary.MECHANISMS,
            GENDER, Vocabulary.GENDERS, AGE_BAND, Vocabulary.AGE_BANDS, DISABILITY, Vocabulary.YES_NO, ROLE, Vocabulary.ROLES);

    /** The columns that describe the activity, not the cell: they must agree on all its rows. */
    static final List<Column> OF_ACTIVITY = ALL.subList(0, ALL.indexOf(GENDER));

    private ActivityColumns() {
    }

    private static Column amount(String key, String fr, String ar) {
        return new Column(key, fr, ar, false,
                "Co-construction : montant en dirhams, ≥ 0 (vide : 0).", "البناء المشترك: المبلغ بالدرهم، ≥ 0 (فارغ: 0).");
    }
}
