package cn.jiaozuo.biodiversity.observation.api;

import cn.jiaozuo.biodiversity.observation.domain.ProtectionLevel;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesEntry;
import cn.jiaozuo.biodiversity.observation.domain.SpeciesGroup;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SpeciesRequest", description = "A catalog entry; on POST the id is optional (the server assigns one from 1000 up)")
public record SpeciesRequest(
        @Schema(example = "1001") @Positive Long id,
        @Schema(example = "Ambrosia artemisiifolia") @NotBlank @Size(max = 200) String scientificName,
        @Schema(example = "豚草") @NotBlank @Size(max = 100) String chineseName,
        @Schema(example = "Common ragweed") @Size(max = 200) String englishName,
        @Schema(example = "PLANT") @NotNull SpeciesGroup group,
        @Schema(example = "NONE") @NotNull ProtectionLevel protectionLevel,
        @Schema(example = "true", defaultValue = "false") Boolean invasive,
        @Schema(example = "false", defaultValue = "false") Boolean sensitive) {

    SpeciesEntry toEntry() {
        return new SpeciesEntry(id, scientificName, chineseName, englishName, group, protectionLevel,
                Boolean.TRUE.equals(invasive), Boolean.TRUE.equals(sensitive));
    }
}
