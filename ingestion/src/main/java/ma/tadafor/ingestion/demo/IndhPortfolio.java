package ma.tadafor.ingestion.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ma.tadafor.data.activity.Theme;
import ma.tadafor.data.indh.IndhProject;

/**
 * Demo INDH phase III projects. A province's own projects depend only on (seed, province) and a
 * commune's only on (seed, commune), so activities can name them without knowing which other
 * communes were asked for. Refs are {@code INDH-<province>-<year>-<number>}: province-wide projects
 * are numbered 001, 002… in their year; a commune has at most one project a year, numbered by its
 * four local digits ({@code INDH-05.091-2023-0107} for commune 05.091.01.07), so refs never collide.
 */
final class IndhPortfolio {

    /** The date the demo portfolio describes: statuses are as of then. */
    static final LocalDate AS_OF = LocalDate.of(2025, 7, 15);
    private static final int FIRST_YEAR = 2019;
    private static final int YEARS = 7;

    private record Template(int programmeNo, Theme theme, String fr, String ar, long minCostMad, long maxCostMad) {
    }

    private static final Template[] TEMPLATES = {
            new Template(1, Theme.INFRASTRUCTURE, "Aménagement de pistes rurales", "تهيئة المسالك القروية",
                    1_500_000, 9_000_000),
            new Template(1, Theme.INFRASTRUCTURE, "Électrification rurale des douars", "الكهربة القروية للدواوير",
                    1_000_000, 6_000_000),
            new Template(1, Theme.WATER_SANITATION, "Alimentation en eau potable des douars",
                    "تزويد الدواوير بالماء الصالح للشرب", 800_000, 6_000_000),
            new Template(1, Theme.HEALTH, "Construction d'un centre de santé rural", "بناء مركز صحي قروي",
                    2_000_000, 8_000_000),
            new Template(1, Theme.EDUCATION, "Construction de salles de classe", "بناء حجرات دراسية",
                    800_000, 4_000_000),
            new Template(2, Theme.SOCIAL_PROTECTION, "Centre d'accueil pour personnes âgées",
                    "مركز لاستقبال الأشخاص المسنين", 1_000_000, 4_000_000),
            new Template(2, Theme.SOCIAL_PROTECTION, "Appui au centre pour personnes en situation de handicap",
                    "دعم مركز الأشخاص في وضعية إعاقة", 300_000, 2_000_000),
            new Template(2, Theme.SOCIAL_PROTECTION, "Maison d'accueil pour femmes en situation de précarité",
                    "دار لاستقبال النساء في وضعية هشاشة", 500_000, 3_000_000),
            new Template(3, Theme.ECONOMIC_INCLUSION, "Appui aux coopératives de jeunes", "دعم تعاونيات الشباب",
                    150_000, 1_500_000),
            new Template(3, Theme.ECONOMIC_INCLUSION, "Soutien aux activités génératrices de revenus",
                    "دعم الأنشطة المدرة للدخل", 100_000, 1_200_000),
            new Template(3, Theme.YOUTH_SPORT_CULTURE, "Plateforme des jeunes", "منصة الشباب", 800_000, 2_500_000),
            new Template(4, Theme.EDUCATION, "Création d'unités de préscolaire", "إحداث وحدات للتعليم الأولي",
                    300_000, 2_000_000),
            new Template(4, Theme.HEALTH, "Santé de la mère et de l'enfant", "صحة الأم والطفل", 300_000, 2_500_000),
            new Template(4, Theme.EDUCATION, "Soutien scolaire", "الدعم المدرسي", 200_000, 1_200_000),
            new Template(4, Theme.EDUCATION, "Transport scolaire", "النقل المدرسي", 400_000, 2_000_000)};

    private IndhPortfolio() {
    }

    static List<IndhProject> provinceWide(long seed, String provinceCode) {
        SplittableRandom random = Seeds.random(seed, "indh-province", provinceCode);
        int[] years = new int[random.nextInt(3, 7)];
        for (int i = 0; i < years.length; i++) {
            years[i] = FIRST_YEAR + random.nextInt(YEARS);
        }
        Arrays.sort(years);
        List<IndhProject> projects = new ArrayList<>(years.length);
        int number = 0;
        for (int i = 0; i < years.length; i++) {
            number = i > 0 && years[i] == years[i - 1] ? number + 1 : 1;
            String ref = ref(provinceCode, years[i], number < 10 ? "00" + number : "0" + number);
            projects.add(project(random, ref, provinceCode, null, years[i]));
        }
        return projects;
    }

    static List<IndhProject> ofCommune(long seed, DemoCommune commune) {
        SplittableRandom random = Seeds.random(seed, "indh-commune", commune.code());
        boolean[] chosen = new boolean[YEARS];
        for (int left = random.nextInt(2, 5); left > 0; ) {
            int year = random.nextInt(YEARS);
            if (!chosen[year]) {
                chosen[year] = true;
                left--;
            }
        }
        List<IndhProject> projects = new ArrayList<>();
        for (int year = 0; year < YEARS; year++) {
            if (chosen[year]) {
                String ref = ref(commune.provinceCode(), FIRST_YEAR + year, commune.localDigits());
                projects.add(project(random, ref, commune.provinceCode(), commune.code(), FIRST_YEAR + year));
            }
        }
        return projects;
    }

    private static String ref(String provinceCode, int year, String number) {
        return "INDH-" + provinceCode + "-" + year + "-" + number;
    }

    private static IndhProject project(SplittableRandom random, String ref, String provinceCode, String communeCode,
            int year) {
        Template template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        LocalDate end = start.plusMonths(random.nextInt(6, 31));
        // Costs spread over an order of magnitude: log-uniform, rounded as budgets are.
        double logSpan = Math.log((double) template.maxCostMad() / template.minCostMad());
        long cost = Math.round(template.minCostMad() * Math.exp(random.nextDouble() * logSpan) / 1000) * 1000;
        long indh = Math.round(cost * random.nextDouble(0.6, 1.0) / 100) * 100;
        return new IndhProject(ref, provinceCode, communeCode, template.programmeNo(), template.theme(),
                template.fr(), template.ar(), start, end, BigDecimal.valueOf(cost), BigDecimal.valueOf(indh),
                status(random, start, end));
    }

    private static String status(SplittableRandom random, LocalDate start, LocalDate end) {
        if (start.isAfter(AS_OF)) {
            return "PROGRAMMED";
        }
        // Some finished-on-paper projects run late.
        return end.isBefore(AS_OF) && random.nextDouble() < 0.85 ? "COMPLETED" : "IN_PROGRESS";
    }
}
