package cn.jiaozuo.biodiversity.common.json;

import cn.jiaozuo.biodiversity.common.http.QueryValues;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * How every service reads JSON (request bodies and events alike): one document, no duplicate keys, each value of
 * the type its field declares and nothing a service cannot store. Jackson's lenient defaults would otherwise take
 * {@code "count": 1.5} as 1, {@code "count": "12"} as 12, {@code "lat": "Infinity"} as a number, the last of two
 * equal keys, or ignore {@code {...} garbage} after the document; each of those is a 400 naming the field here
 * (see {@code ProblemMappers} and docs/errors.md). Unknown properties stay ignored, so older servers accept newer
 * clients.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // No scalar coercion: a number is a JSON number, a string a JSON string, a boolean true or false.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" is not an absent object, number, uuid, date or enum value ("" for a string field stays a string).
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);

        SimpleModule module = new SimpleModule("strict-json");
        module.addDeserializer(String.class, new NoNulStrings());
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0d));
        module.addDeserializer(Float.class, new FiniteFloat(Float.class, null));
        module.addDeserializer(Float.TYPE, new FiniteFloat(Float.TYPE, 0f));
        module.addDeserializer(UUID.class, new NoNilUuids());
        module.setDeserializerModifier(new BoundedTimes());
        mapper.registerModule(module);
    }

    static final String NUL = "must not contain NUL characters";
    static final String FINITE = "must be a finite number";
    static final String NIL_UUID = "must not be the nil UUID 00000000-0000-0000-0000-000000000000; generate a random one";

    /** PostgreSQL cannot store U+0000 in text: refused while reading, a 400 on the field rather than a 500. */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new RefusedValueException(p, NUL, String.class);
            }
            return value;
        }
    }

    /** Jackson reads "NaN", "Infinity" (as strings) and 1e309 (overflowing) as doubles; no field here can hold them. */
    static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw new RefusedValueException(p, FINITE, Double.class);
            }
            return value;
        }
    }

    static final class FiniteFloat extends NumberDeserializers.FloatDeserializer {

        FiniteFloat(Class<Float> type, Float nullValue) {
            super(type, nullValue);
        }

        @Override
        public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Float value = super.deserialize(p, ctxt);
            if (value != null && !Float.isFinite(value)) {
                throw new RefusedValueException(p, FINITE, Float.class);
            }
            return value;
        }
    }

    /** The nil UUID is what a client sends when it forgot to generate one; as an idempotency key it would collide. */
    static final class NoNilUuids extends UUIDDeserializer {

        @Override
        protected UUID _deserialize(String value, DeserializationContext ctxt) throws IOException {
            UUID uuid = super._deserialize(value, ctxt);
            if (uuid != null && uuid.getMostSignificantBits() == 0 && uuid.getLeastSignificantBits() == 0) {
                throw new RefusedValueException(ctxt.getParser(), NIL_UUID, UUID.class);
            }
            return uuid;
        }
    }

    /** Dates and date-times outside {@link QueryValues}' years, e.g. {@code -999999999-01-01}, are refused on their field. */
    static final class BoundedTimes extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                    || type == LocalDateTime.class || type == LocalDate.class) {
                return new BoundedTime(deserializer);
            }
            return deserializer;
        }
    }

    static final class BoundedTime extends DelegatingDeserializer {

        BoundedTime(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new BoundedTime(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value != null && !supported(value)) {
                throw new RefusedValueException(p, QueryValues.YEARS, value.getClass());
            }
            return value;
        }

        private static boolean supported(Object value) {
            if (value instanceof Instant instant) {
                return QueryValues.supported(instant);
            }
            if (value instanceof OffsetDateTime time) {
                return QueryValues.supported(time.toInstant());
            }
            if (value instanceof ZonedDateTime time) {
                return QueryValues.supported(time.toInstant());
            }
            if (value instanceof LocalDateTime time) {
                return QueryValues.supported(time.toInstant(ZoneOffset.UTC));
            }
            return !(value instanceof LocalDate day) || QueryValues.supported(day);
        }
    }
}
