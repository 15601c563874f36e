package cn.jiaozuo.biodiversity.alert.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Column {@code subscription.filter}: an {@link AlertFilter} stored as JSON. */
@Converter
public class AlertFilterConverter implements AttributeConverter<AlertFilter, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The filter as it is stored; its length is what the column must hold. */
    public static String json(AlertFilter filter) {
        try {
            return JSON.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert filter cannot be serialized", e);
        }
    }

    @Override
    public String convertToDatabaseColumn(AlertFilter filter) {
        return json(filter);
    }

    @Override
    public AlertFilter convertToEntityAttribute(String column) {
        try {
            return JSON.readValue(column, AlertFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored subscription filter is unreadable", e);
        }
    }
}
