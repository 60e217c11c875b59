package cn.gonggaigong.project;

/** One reason an application was refused: the JSON field (e.g. {@code parcelIds[0]}) and a Chinese reason. */
public record FieldProblem(String field, String reason) {
}
