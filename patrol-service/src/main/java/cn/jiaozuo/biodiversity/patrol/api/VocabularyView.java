package cn.jiaozuo.biodiversity.patrol.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PatrolVocabulary", description = "The values patrol requests take, for pick lists in apps")
public record VocabularyView(
        @Schema(required = true) List<TermView> mandates,
        @Schema(required = true) List<TermView> transports,
        @Schema(required = true) List<TermView> incidentTypes,
        @Schema(required = true) List<TermView> actionsTaken) {
}
