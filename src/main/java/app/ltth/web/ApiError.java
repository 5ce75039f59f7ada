package app.ltth.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every REST error has this shape: a sentence for the user and, when one field is at fault, its name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {
    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
