package app.ltth.web;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Map;

/** Reads request bodies as JSON objects, turning malformed input into a 400 with a readable reason. */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode object(Context ctx) {
        JsonNode node = parse(ctx);
        if (node == null || !node.isObject()) {
            throw new ValidationException(null, "The body must be a JSON object");
        }
        return node;
    }

    /** A body that is a JSON array of at most {@code max} entries. */
    public static JsonNode array(Context ctx, int max) {
        JsonNode node = parse(ctx);
        if (node == null || !node.isArray() || node.size() > max) {
            throw new ValidationException(null, "The body must be a JSON array of at most " + max + " entries");
        }
        return node;
    }

    private static JsonNode parse(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ValidationException(null, "The request needs a JSON object as its body");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ValidationException(null, "The body is not valid JSON: " + e.getOriginalMessage());
        }
        return node;
    }

    public static boolean requiredBoolean(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isBoolean()) {
            throw new ValidationException(field, field + " is required and must be true or false", "error.field.bool", Map.of());
        }
        return node.asBoolean();
    }

    public static String requiredText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ValidationException(field, field + " is required and must be a non-empty string", "error.field.required",
                    Map.of());
        }
        return node.asText().trim();
    }

    public static double requiredNumber(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isNumber()) {
            throw new ValidationException(field, field + " is required and must be a number");
        }
        return node.asDouble();
    }
}
