package cn.gonggaigong.project;

/** One reason an application was refused: the JSON field (e.g. {@code parcelIds[0]}) and a Chinese reason. */
public record FieldProblem(String field, String reason) {

    /** The message of a 400 for wrong query or path parameters, the same in every API. */
    public static final String BAD_PARAMETERS = "请求参数格式不正确";

    /** A page of a list out of range, named as every list of the API names it; empty when page and size are fine. */

    public static java.util.Optional<FieldProblem> ofPage(int page, int size, int maxSize) {
        if (page < 0) {
            return java.util.Optional.of(new FieldProblem("page", "不能小于0"));
        }
        if (size < 1 || size > maxSize) {
            return java.util.Optional.of(new FieldProblem("size", "必须在1到" + maxSize + "之间"));
        }
        return java.util.Optional.empty();
    }

    /** What is wrong with a filter's phase (field {@code phase}): none when null or a phase's name. */
    public static java.util.Optional<FieldProblem> ofPhase(String phase) {
        if (phase == null || cn.gonggaigong.process.Phase.named(phase).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(oneOf("phase", cn.gonggaigong.process.Phase.values()));
    }

    /** A value of {@code field} that is none of {@code values}: 取值无效，可选值：A, B, C (their names, in order). */
    public static FieldProblem oneOf(String field, Enum<?>[] values) {
        return new FieldProblem(field, "取值无效，可选值：" + String.join(", ",
                java.util.Arrays.stream(values).map(Enum::name).toList()));
    }
}
