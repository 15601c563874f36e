package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Species")
public record SpeciesView(
        @Schema(required = true, example = "1") long id,
        @Schema(required = true, example = "Panthera pardus japonensis") String scientificName,
        @Schema(required = true, example = "华北豹") String chineseName,
        @Schema(required = true, nullable = true, example = "North China leopard", description = "null where the catalog has none")
        String englishName,
        @Schema(required = true, example = "MAMMAL") String group,
        @Schema(required = true, example = "NATIONAL_I") String protectionLevel,
        @Schema(required = true, example = "false") boolean invasive,
        @Schema(required = true, example = "true", description = "Poaching or collection target: points are generalized for the public") boolean sensitive) {

    public static SpeciesView of(SpeciesSnapshot s) {
        return new SpeciesView(s.id(), s.scientificName(), s.chineseName(), s.englishName(), s.group(), s.protectionLevel(),
                s.invasive(), s.sensitive());
    }
}
