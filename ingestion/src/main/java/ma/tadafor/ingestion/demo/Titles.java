package ma.tadafor.ingestion.demo;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import ma.tadafor.data.activity.LocalizedText;
import ma.tadafor.data.activity.Mechanism;
import ma.tadafor.data.activity.Theme;

/** French and Arabic activity titles: a mechanism's wording followed by a subject of the theme. */
final class Titles {

    private static final Map<Mechanism, String[]> WORDING = new EnumMap<>(Map.ofEntries(
            Map.entry(Mechanism.PETITION, new String[] {"Pétition sur ", "عريضة حول "}),
            Map.entry(Mechanism.CONSULTATIVE_OPINION, new String[] {"Avis consultatif sur ", "رأي استشاري حول "}),
            Map.entry(Mechanism.PARTICIPATORY_BUDGET,
                    new String[] {"Budget participatif : propositions pour ", "الميزانية التشاركية: مقترحات حول "}),
            Map.entry(Mechanism.DIGITAL_CONSULTATION,
                    new String[] {"Consultation numérique sur ", "استشارة رقمية حول "}),
            Map.entry(Mechanism.CITIZEN_MEETING, new String[] {"Réunion citoyenne sur ", "لقاء تواصلي حول "}),
            Map.entry(Mechanism.SUGGESTION, new String[] {"Suggestion concernant ", "اقتراح بخصوص "}),
            Map.entry(Mechanism.YOUTH_COUNCIL,
                    new String[] {"Session du conseil des jeunes sur ", "دورة مجلس الشباب حول "}),
            Map.entry(Mechanism.NEIGHBOURHOOD_COMMITTEE,
                    new String[] {"Réunion du comité de quartier sur ", "اجتماع لجنة الحي حول "}),
            Map.entry(Mechanism.IEECAG_SESSION, new String[] {"Session de l'IEECAG sur ",
                    "دورة هيئة المساواة وتكافؤ الفرص ومقاربة النوع حول "}),
            Map.entry(Mechanism.DIALOGUE_SPACE, new String[] {"Espace de dialogue commune-associations sur ",
                    "فضاء الحوار بين الجماعة والجمعيات حول "}),
            Map.entry(Mechanism.CO_CONSTRUCTION_PROJECT,
                    new String[] {"Projet co-construit pour ", "مشروع البناء المشترك حول "}),
            Map.entry(Mechanism.TRAINING, new String[] {"Formation sur ", "تكوين حول "}),
            Map.entry(Mechanism.INFORMATION_REQUEST,
                    new String[] {"Demande d'information sur ", "طلب الحصول على المعلومات حول "}),
            Map.entry(Mechanism.SATISFACTION_SURVEY,
                    new String[] {"Enquête de satisfaction sur ", "استطلاع رضا المرتفقين حول "})));

    private static final Map<Theme, String[][]> SUBJECTS = new EnumMap<>(Map.of(
            Theme.EDUCATION, new String[][] {
                    {"le transport scolaire", "النقل المدرسي"},
                    {"le préscolaire", "التعليم الأولي"},
                    {"la lutte contre l'abandon scolaire", "محاربة الهدر المدرسي"}},
            Theme.HEALTH, new String[][] {
                    {"le centre de santé", "المركز الصحي"},
                    {"la santé de la mère et de l'enfant", "صحة الأم والطفل"},
                    {"les caravanes médicales", "القوافل الطبية"}},
            Theme.INFRASTRUCTURE, new String[][] {
                    {"l'éclairage public", "الإنارة العمومية"},
                    {"les pistes rurales", "المسالك القروية"},
                    {"la voirie communale", "الطرق الجماعية"}},
            Theme.WATER_SANITATION, new String[][] {
                    {"l'eau potable", "الماء الصالح للشرب"},
                    {"l'assainissement liquide", "التطهير السائل"}},
            Theme.ENVIRONMENT, new String[][] {
                    {"la collecte des déchets", "جمع النفايات"},
                    {"les espaces verts", "المساحات الخضراء"}},
            Theme.YOUTH_SPORT_CULTURE, new String[][] {
                    {"la maison des jeunes", "دار الشباب"},
                    {"le terrain de sport de proximité", "ملعب القرب"},
                    {"les activités culturelles", "الأنشطة الثقافية"}},
            Theme.ECONOMIC_INCLUSION, new String[][] {
                    {"l'emploi des jeunes", "تشغيل الشباب"},
                    {"les coopératives féminines", "التعاونيات النسائية"},
                    {"le souk hebdomadaire", "السوق الأسبوعي"}},
            Theme.SOCIAL_PROTECTION, new String[][] {
                    {"l'accessibilité pour les personnes en situation de handicap", "ولوجيات الأشخاص في وضعية إعاقة"},
                    {"les personnes âgées", "الأشخاص المسنين"},
                    {"les femmes en situation de précarité", "النساء في وضعية هشاشة"}},
            Theme.GOVERNANCE, new String[][] {
                    {"le programme d'action de la commune", "برنامج عمل الجماعة"},
                    {"l'accès à l'information", "الحق في الحصول على المعلومات"},
                    {"la charte de participation", "ميثاق المشاركة"},
                    {"les pétitions", "العرائض"},
                    {"le site web de la commune", "الموقع الإلكتروني للجماعة"},
                    {"les services de l'état civil", "خدمات الحالة المدنية"}},
            Theme.OTHER, new String[][] {
                    {"la vie du quartier", "الحياة في الحي"},
                    {"les fêtes locales", "المهرجانات المحلية"}}));

    /** Every (mechanism, theme, subject) title, built once: titles are shared, never rebuilt per activity. */
    private static final LocalizedText[][][] TITLES = build();

    private Titles() {
    }

    static LocalizedText pick(SplittableRandom random, Mechanism mechanism, Theme theme) {
        LocalizedText[] choices = TITLES[mechanism.ordinal()][theme.ordinal()];
        return choices[random.nextInt(choices.length)];
    }

    private static LocalizedText[][][] build() {
        LocalizedText[][][] titles = new LocalizedText[Mechanism.values().length][Theme.values().length][];
        for (Mechanism mechanism : Mechanism.values()) {
            String[] wording = WORDING.get(mechanism);
            for (Theme theme : Theme.values()) {
                String[][] subjects = SUBJECTS.get(theme);
                LocalizedText[] choices = new LocalizedText[subjects.length];
                for (int i = 0; i < subjects.length; i++) {
                    choices[i] = new LocalizedText(wording[0] + subjects[i][0], wording[1] + subjects[i][1]);
                }
                titles[mechanism.ordinal()][theme.ordinal()] = choices;
            }
        }
        return titles;
    }
}
