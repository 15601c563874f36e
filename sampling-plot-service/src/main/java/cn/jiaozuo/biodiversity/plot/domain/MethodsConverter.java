package cn.jiaozuo.biodiversity.plot.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores a plot's few methods as one comma-separated column: listing thousands of plots needs no join. */
@Converter
public class MethodsConverter implements AttributeConverter<List<SurveyMethod>, String> {

    @Override
    public String convertToDatabaseColumn(List<SurveyMethod> methods) {
        return String.join(",", methods.stream().map(Enum::name).toList());
    }

    @Override
    public List<SurveyMethod> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(SurveyMethod::valueOf).toList();
    }
}
