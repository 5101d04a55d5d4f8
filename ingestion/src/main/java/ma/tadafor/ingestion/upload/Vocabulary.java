package ma.tadafor.ingestion.upload;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import ma.tadafor.data.activity.AgeBand;
import ma.tadafor.data.activity.Gender;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.Role;

/**
 * The values a coded column admits, as a clerk writes them: the feed's code or its label in French
 * or Arabic, whatever the template's language, compared without case, accents, harakat or the
 * spellings of alef, ta marbuta and alif maqsura. The labels are the pages' (messages*.properties
 * of the dashboard, under the same keys: a test there keeps them equal); the first label of each
 * language is the one the template's drop-down offers, the others are what clerks also write.
 */
public final class Vocabulary {

    public static final Vocabulary MECHANISMS = new Vocabulary("mechanism", labels(
            entry(Mechanism.PETITION.name(), "Pétition", "عريضة"),
            entry(Mechanism.CONSULTATIVE_OPINION.name(), "Avis consultatif", "رأي استشاري"),
            entry(Mechanism.PARTICIPATORY_BUDGET.name(), "Budget participatif", "الميزانية التشاركية"),
            entry(Mechanism.DIGITAL_CONSULTATION.name(), "Consultation numérique", "استشارة رقمية"),
            entry(Mechanism.CITIZEN_MEETING.name(), "Rencontre citoyenne", "لقاء تواصلي مع المواطنين"),
            entry(Mechanism.SUGGESTION.name(), "Suggestion ou remarque", "اقتراح أو ملاحظة"),
            entry(Mechanism.YOUTH_COUNCIL.name(), "Conseil des jeunes", "مجلس الشباب"),
            entry(Mechanism.NEIGHBOURHOOD_COMMITTEE.name(), "Comité de quartier", "لجنة الحي"),
            entry(Mechanism.IEECAG_SESSION.name(), "Session de l'IEECAG", "دورة هيئة المساواة وتكافؤ الفرص ومقاربة النوع"),
            entry(Mechanism.DIALOGUE_SPACE.name(), "Espace de dialogue commune-associations", "فضاء الحوار بين الجماعة والجمعيات"),
            entry(Mechanism.CO_CONSTRUCTION_PROJECT.name(), "Projet de co-construction", "مشروع البناء المشترك"),
            entry(Mechanism.TRAINING.name(), "Formation sur les guides de la DGCT", "تكوين حول دلائل المديرية العامة للجماعات الترابية"),
            entry(Mechanism.INFORMATION_REQUEST.name(), "Demande d'accès à l'information", "طلب الحصول على المعلومات"),
            entry(Mechanism.SATISFACTION_SURVEY.name(), "Mesure de la satisfaction des usagers", "قياس رضا المرتفقين")));

    public static final Vocabulary GENDERS = new Vocabulary("gender", labels(
            entry(Gender.F.name(), "Femmes|Femme", "النساء|امرأة|أنثى"),
            entry(Gender.M.name(), "Hommes|Homme", "الرجال|رجل|ذكر"),
            entry(Gender.U.name(), "Genre inconnu|Inconnu", "نوع غير معروف|غير معروف")));

    public static final Vocabulary AGE_BANDS = new Vocabulary("ageBand", labels(
            entry(AgeBand.UNDER_18.code(), "Moins de 18 ans", "أقل من 18 سنة"),
            entry(AgeBand.AGE_18_24.code(), "18 à 24 ans", "من 18 إلى 24 سنة"),
            entry(AgeBand.AGE_25_34.code(), "25 à 34 ans", "من 25 إلى 34 سنة"),
            entry(AgeBand.AGE_35_59.code(), "35 à 59 ans", "من 35 إلى 59 سنة"),
            entry(AgeBand.AGE_60_PLUS.code(), "60 ans et plus", "60 سنة فأكثر"),
            entry(AgeBand.UNKNOWN.code(), "Âge inconnu|Inconnu", "سن غير معروف|غير معروف")));

    public static final Vocabulary ROLES = new Vocabulary("role", labels(
            entry(Role.CITIZEN.name(), "Citoyens|Citoyen", "المواطنون|مواطن"),
            entry(Role.ASSOCIATION_MEMBER.name(), "Membres d'associations|Membre d'association", "أعضاء الجمعيات|عضو جمعية"),
            entry(Role.ELECTED_OFFICIAL.name(), "Élus|Élu", "المنتخبون|منتخب"),
            entry(Role.COMMUNE_STAFF.name(), "Cadres de la commune", "أطر الجماعة"),
            entry(Role.OTHER.name(), "Autres|Autre", "آخرون|آخر")));

    /** Yes or no; the codes are {@code true} and {@code false}. */
    public static final Vocabulary YES_NO = new Vocabulary("yesNo", labels(
            entry("true", "oui|yes|1", "نعم"),
            entry("false", "non|no|0", "لا")));

    private final String key;
    private final Map<String, Labels> byCode;
    private final Map<String, String> codeByText = new HashMap<>();

    private Vocabulary(String key, Map<String, Labels> byCode) {
        this.key = key;
        this.byCode = byCode;
        byCode.forEach((code, labels) -> Stream.of(List.of(code), labels.fr(), labels.ar()).flatMap(List::stream)
                .forEach(text -> {
                    String previous = codeByText.put(normalise(text), code);
                    if (previous != null && !previous.equals(code)) {
                        throw new IllegalStateException(key + ": « " + text + " » names both " + previous + " and " + code);
                    }
                }));
    }

    /** The key of its labels in the pages' messages ({@code mechanism} for {@code mechanism.PETITION}). */
    public String key() {
        return key;
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** The code a cell names, by its code or any of its labels in either language. */
    public Optional<String> code(String text) {
        return Optional.ofNullable(codeByText.get(normalise(text)));
    }

    /** The label of {@code code} a template in that language offers. */
    public String label(String code, Locale locale) {
        Labels labels = byCode.get(code);
        return (Languages.arabic(locale) ? labels.ar() : labels.fr()).get(0);
    }

    /** What the template's drop-down offers, in its language. */
    public List<String> labels(Locale locale) {
        return byCode.keySet().stream().map(code -> label(code, locale)).toList();
    }

    /** Without case, accents, harakat, tatweel, and with one spelling of alef, ta marbuta, ya and apostrophe. */
    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}|\\u0640", "")
                .replace('ة', 'ه').replace('ى', 'ي').replace('’', '\'')
                .replaceAll("\\s+", " ");
        return decomposed.toLowerCase(Locale.ROOT);
    }

    private record Labels(List<String> fr, List<String> ar) {
    }

    private static Map.Entry<String, Labels> entry(String code, String fr, String ar) {
        return Map.entry(code, new Labels(Arrays.asList(fr.split("\\|")), Arrays.asList(ar.split("\\|"))));
    }

    @SafeVarargs
    private static Map<String, Labels> labels(Map.Entry<String, Labels>... entries) {
        Map<String, Labels> map = new LinkedHashMap<>();
        for (Map.Entry<String, Labels> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return map;
    }
}
