package ma.tadafor.ingestion.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import ma.tadafor.data.activity.Association;

/** A commune's associations (CSOs): a stable pool its activities draw from. */
final class Associations {

    private static final String[] NAMES = {"Al Amal", "Annour", "Al Wahda", "Attawassoul", "Al Khair", "Tifawin",
            "Assafae", "Al Fath", "Al Mostakbal", "Tanmia", "Al Ikhlass", "Azetta", "Tiwizi", "Al Baraka", "Ennahda"};
    private static final String[] PURPOSES = {"le développement", "le développement local", "la femme rurale",
            "les personnes en situation de handicap", "l'éducation et la culture", "l'environnement",
            "le sport et la jeunesse", "l'eau potable et le désenclavement", "la solidarité et l'entraide",
            "l'enfance"};

    private Associations() {
    }

    static List<Association> pool(long seed, DemoCommune commune) {
        SplittableRandom random = Seeds.random(seed, "associations", commune.code());
        int size = random.nextInt(8, 21);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < size) {
            names.add("Association " + NAMES[random.nextInt(NAMES.length)]
                    + " pour " + PURPOSES[random.nextInt(PURPOSES.length)]);
        }
        List<Association> pool = new ArrayList<>(size);
        for (String name : names) {
            int number = pool.size() + 1;
            pool.add(new Association((number < 10 ? "assoc-00" : "assoc-0") + number, name));
        }
        return List.copyOf(pool);
    }
}
