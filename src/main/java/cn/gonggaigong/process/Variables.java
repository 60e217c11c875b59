package cn.gonggaigong.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads form data from process variables. Camunda Forms submit numbers as Long or Double and leave optional
 * fields unset, so every reader names the variable and says in Chinese what is wrong when it is unusable.
 */
public final class Variables {

    private Variables() {
    }

    public static double number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("变量 " + name + " 不是数字:" + s);
            }
        }
        throw new IllegalArgumentException("缺少必填数值 " + name);
    }

    public static double numberOrZero(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || (value instanceof String s && s.isBlank()) ? 0.0 : number(scope, name);
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return Boolean.parseBoolean(s.trim());
        }
        return false;
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static long id(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("缺少流程变量 " + name);
    }
}
