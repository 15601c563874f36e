package cn.jiaozuo.biodiversity.observation.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/** JSON reading rules of this service. */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // Keep the offset a client sent with observedAt (Jackson would otherwise turn it into UTC).
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        // PostgreSQL refuses NUL in text; refuse it while reading, so it is a 400 on the field, not a 500.
        mapper.registerModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, new NoNulStrings()));
    }

    /** A string with a NUL character; answered as a violation on its field. */
    public static final class NulCharacterException extends MismatchedInputException {

        public static final String MESSAGE = "must not contain NUL characters";

        NulCharacterException(JsonParser p) {
            super(p, MESSAGE, String.class);
        }
    }

    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacterException(p);
            }
            return value;
        }
    }
}
