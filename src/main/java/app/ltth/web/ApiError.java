package app.ltth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Every REST error has this shape: a sentence for the user and, when one field is at fault, its name. With a locale
 * key and its values, the dashboard shows the sentence in the streamer's language instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, String key, Map<String, Object> params) {

    public ApiError(String error, String field) {
        this(error, field, null, null);
    }

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
