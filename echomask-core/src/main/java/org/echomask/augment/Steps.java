package org.echomask.augment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.echomask.EchomaskException;
import org.echomask.io.Json;

/**
 * The step types by name, and a step's JSON: {@code name} (which type), {@code augmentation} (written
 * for the reader; on reading it may be left out, and if given must be the type's), then the record's
 * own components, unknown keys rejected as everywhere in {@link Json}; a missing {@code bypass} is false.
 */
public final class Steps {
    private static final Map<String, Class<? extends Step>> TYPES = Map.of(TimeShift.NAME, TimeShift.class);

    private Steps() {}

    /** The registered step names, sorted. */
    public static Set<String> names() {
        return new java.util.TreeSet<>(TYPES.keySet());
    }

    static Class<? extends Step> type(String name) {
        Class<? extends Step> type = name == null ? null : TYPES.get(name);
        if (type == null) {
            throw new EchomaskException("unknown augmentation step '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return type;
    }

    /** Writes a step as {@code name}, {@code augmentation}, then its components. */
    static final class Writer extends JsonSerializer<Step> {
        @Override
        public void serialize(Step step, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("name", step.name());
            gen.writeBooleanField("augmentation", step.augmentation());
            JsonNode params = Json.mapper().valueToTree(step);
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                gen.writeFieldName(e.getKey());
                gen.writeTree(e.getValue());
            }
            gen.writeEndObject();
        }
    }

    /** Reads a step by its {@code name}, refusing unknown names and keys and a contradicted flag. */
    static final class Reader extends JsonDeserializer<Step> {
        @Override
        public Step deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (!(node instanceof ObjectNode object)) {
                throw new EchomaskException("an augmentation step is an object with a name, got " + node);
            }
            ObjectNode params = object.deepCopy();
            JsonNode name = params.remove("name");
            Class<? extends Step> type = type(name == null ? null : name.asText());
            JsonNode augmentation = params.remove("augmentation");
            if (!params.has("bypass")) {
                params.put("bypass", false); // every step has it; a file may leave it out
            }
            Step step = Json.mapper().treeToValue(params, type);
            if (augmentation != null && augmentation.asBoolean() != step.augmentation()) {
                throw new EchomaskException("augmentation step '" + step.name() + "' is " + (step.augmentation() ? "" : "not ")
                        + "an augmentation; its 'augmentation' cannot be " + augmentation);
            }
            return step;
        }
    }
}
