package dev.portability.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portability.api.NativeValue;
import org.junit.jupiter.api.Test;

/**
 * Which of numeric's NaN and infinities a PostgreSQL column holds, as its codec says before anything is written
 * (the servers' side is in ValueErrorsTest and the type catalogues): a numeric NaN and, without a type modifier,
 * the infinities; nothing in money or in another engine's values; and a column's own rules do not lose it.
 */
class PostgresNumericRefusalTest {

    private static final NativeValue NAN = new NativeValue("postgresql", "NaN");
    private static final NativeValue INFINITY = new NativeValue("postgresql", "Infinity");

    @Test
    void aNumericHoldsItsNaNAndWithoutATypeModifierItsInfinities() {
        PostgresCodec numeric = PostgresCodec.jdbc(Codecs.DECIMAL, PostgresText.NUMERIC, "numeric")
                .holdingNumericSpecials(true);
        PostgresCodec bounded = PostgresCodec.jdbc(Codecs.DECIMAL, PostgresText.NUMERIC, "numeric")
                .holdingNumericSpecials(false);

        assertThat(numeric.refusal(NAN)).isNull();
        assertThat(numeric.refusal(INFINITY)).isNull();
        assertThat(bounded.refusal(NAN)).isNull();
        assertThat(bounded.refusal(INFINITY)).contains("holds NaN but no infinity");
        assertThat(numeric.refusal(new NativeValue("h2", "NaN"))).contains("only a h2 column holds it");
        assertThat(numeric.refusal(new NativeValue("postgresql", "nan"))).contains("has no equal");
    }

    @Test
    void moneyHoldsNoNaN() {
        PostgresCodec money = PostgresCodec.text(PostgresText.NUMERIC, "money", "pg_catalog.numeric_out", "numeric");

        assertThat(money.refusal(NAN)).contains("money holds no NaN or infinity");
    }

    @Test
    void aColumnsOwnRulesKeepWhatItsNumericHolds() {
        PostgresCodec ruled = PostgresCodec.jdbc(Codecs.DECIMAL, PostgresText.NUMERIC, "numeric")
                .holdingNumericSpecials(false).limited(value -> null);
        PostgresCodec specialsAfterRules = PostgresCodec.jdbc(Codecs.DECIMAL, PostgresText.NUMERIC, "numeric")
                .limited(value -> "a rule of its own").holdingNumericSpecials(true);

        assertThat(ruled.refusal(NAN)).isNull();
        assertThat(ruled.refusal(INFINITY)).contains("holds NaN but no infinity");
        assertThat(specialsAfterRules.refusal(INFINITY)).isNull();
        assertThat(specialsAfterRules.limitRefusal(java.math.BigDecimal.ONE)).isEqualTo("a rule of its own");
    }
}
