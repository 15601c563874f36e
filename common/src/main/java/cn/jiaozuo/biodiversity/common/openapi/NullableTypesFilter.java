package cn.jiaozuo.biodiversity.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Makes a nullable reference mean what it says. For {@code @Schema(nullable = true)} on a field whose type is a
 * record, SmallRye writes {@code type: object} next to {@code anyOf: [{$ref}, {type: "null"}]}; the sibling type
 * then forbids the very null the anyOf allows. The type gets "null" added, as SmallRye does for strings and enums.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableTypesFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        List<SchemaType> type = schema.getType();
        if (type != null && !type.isEmpty() && !type.contains(SchemaType.NULL) && schema.getAnyOf() != null
                && schema.getAnyOf().stream().anyMatch(NullableTypesFilter::isNull)) {
            schema.addType(SchemaType.NULL);
        }
        return schema;
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(SchemaType.NULL));
    }
}
