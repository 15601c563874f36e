package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.common.events.SpeciesSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Species")
public record SpeciesView(
        @Schema(example = "1") long id,
        @Schema(example = "Panthera pardus japonensis") String scientificName,
        @Schema(example = "华北豹") String chineseName,
        @Schema(example = "North China leopard") String englishName,
        @Schema(example = "MAMMAL") String group,
        @Schema(example = "NATIONAL_I") String protectionLevel,
        @Schema(example = "false") boolean invasive,
        @Schema(example = "true", description = "Poaching or collection target: points are generalized for the public") boolean sensitive) {

    public static SpeciesView of(SpeciesSnapshot s) {
        return new SpeciesView(s.id(), s.scientificName(), s.chineseName(), s.englishName(), s.group(), s.protectionLevel(),
                s.invasive(), s.sensitive());
    }
}
