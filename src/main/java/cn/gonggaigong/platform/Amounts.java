package cn.gonggaigong.platform;

import java.math.BigDecimal;
import java.util.Locale;

/** Amounts and areas as people read them on the forms: thousands separated, no ".00" (2,000,000 元; 1,234.50 平方米). */
public final class Amounts {

    private Amounts() {
    }

    /** The value with its unit after a space, or "—" when there is none. */
    public static String text(BigDecimal value, String unit) {
        return value == null ? "—" : String.format(Locale.ROOT, "%,.2f", value).replaceAll("\\.00$", "") + " " + unit;
    }

    public static String yuan(BigDecimal value) {
        return text(value, "元");
    }
}
