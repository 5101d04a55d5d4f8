package ma.tadafor.data.activity;

import java.math.BigDecimal;

/** Who funds a co-construction project, in Moroccan dirhams. */
public record Funding(BigDecimal tadaforMad, BigDecimal communeMad, BigDecimal indhMad, BigDecimal otherMad) {

    public BigDecimal totalMad() {
        return tadaforMad.add(communeMad).add(indhMad).add(otherMad);
    }
}
