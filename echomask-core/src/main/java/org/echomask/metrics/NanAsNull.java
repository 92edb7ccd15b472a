package org.echomask.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * JSON for metrics that can be undefined (AUC of a class without negatives, a macro over an empty
 * group). Strict JSON has no NaN and Echomask's mapper does not enable Jackson's non-standard NaN
 * token, so NaN is written as null, and null is read back as NaN (the mapper otherwise refuses
 * null for a primitive).
 */
final class NanAsNull {
    private NanAsNull() {}

    public static final class Writer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        public Writer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    public static final class Reader extends StdDeserializer<Double> {
        private static final long serialVersionUID = 1L;

        public Reader() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.getDoubleValue();
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
