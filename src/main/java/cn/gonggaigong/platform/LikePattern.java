package cn.gonggaigong.platform;

/** A LIKE pattern of SQL matching text that contains a word as typed: its %, _ and \ are characters (escape '\'). */
public final class LikePattern {

    private LikePattern() {
    }

    /** {@code %word%}, the word's own %, _ and \ escaped with \ (the statement says {@code escape '\'}). */
    public static String containing(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
