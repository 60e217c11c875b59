package cn.gonggaigong.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.WebRequest;

/**
 * What an API client reads when no handler of ours answered (an unknown address, a method the address does not
 * take, an error outside the controllers): Spring Boot's error JSON with a {@code message} in Chinese, like every
 * other answer of the API ({@code status}, {@code error}, {@code path} and {@code timestamp} stay as Spring gives
 * them). Browsers get the static pages under {@code static/error/} instead.
 */
@Component
public class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object status = attributes.get("status");
        if (status instanceof Integer code) {
            attributes.put("message", code == 415 && getError(request) instanceof HttpMediaTypeNotSupportedException e
                    && !e.getSupportedMediaTypes().isEmpty() ? unsupported(e.getSupportedMediaTypes())
                    : message(code, (String) attributes.get("path")));
        }
        return attributes;
    }

    /** A 415 says what the address takes: a file upload is multipart/form-data, not the JSON of the other calls. */
    static String unsupported(List<MediaType> supported) {
        if (supported.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::equalsTypeAndSubtype)) {
            return "不支持的内容类型，请以 multipart/form-data 提交（上传的文件放在 file 字段）";
        }
        if (supported.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)) {
            return "不支持的内容类型，请以 application/json 提交";
        }
        List<String> types = supported.stream().filter(t -> !t.isWildcardType() && !t.isWildcardSubtype())
                .map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList();
        return types.isEmpty() ? message(415, null) : "不支持的内容类型，请以 " + String.join(" 或 ", types) + " 提交";
    }

    static String message(int status, String path) {
        return switch (status) {
            case 400 -> "请求有误，请检查提交的内容";
            case 401 -> "请先登录";
            case 403 -> "无权访问：" + path;
            case 404 -> "接口或页面不存在：" + path;
            case 405 -> "该地址不支持此请求方法：" + path;
            case 406 -> "无法按请求的格式返回（请接受 application/json）";
            case 413 -> "提交的内容过大";
            case 415 -> "不支持的内容类型，请以 application/json 提交";
            case 500 -> "服务器内部错误，请稍后重试或联系系统管理员";
            case 503 -> "服务暂不可用，请稍后重试";
            default -> "请求未能完成（HTTP " + status + "）";
        };
    }
}
