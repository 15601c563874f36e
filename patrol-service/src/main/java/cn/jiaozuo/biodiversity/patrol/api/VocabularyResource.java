package cn.jiaozuo.biodiversity.patrol.api;

import cn.jiaozuo.biodiversity.patrol.domain.ActionTaken;
import cn.jiaozuo.biodiversity.patrol.domain.IncidentType;
import cn.jiaozuo.biodiversity.patrol.domain.Mandate;
import cn.jiaozuo.biodiversity.patrol.domain.Transport;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/patrol-vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patrols", description = "Ranger patrols: tracks, incidents, effort")
public class VocabularyResource {

    @GET
    @PermitAll
    @Operation(operationId = "getPatrolVocabulary", summary = "Mandates, transports, incident types and actions",
            description = "Public: the enumerations of patrol requests with their Chinese labels, for an app's pick lists.")
    @APIResponse(responseCode = "200", description = "The vocabulary", content = @Content(
            schema = @Schema(implementation = VocabularyView.class), examples = @ExampleObject(name = "excerpt", value = """
                    {"mandates": [{"code": "ROUTINE", "label": "日常巡护"}], "transports": [{"code": "FOOT", "label": "徒步"}],
                     "incidentTypes": [{"code": "SNARE", "label": "猎套"}], "actionsTaken": [{"code": "REMOVED", "label": "已清除"}]}""")))
    public VocabularyView vocabulary() {
        return new VocabularyView(terms(Mandate.values(), Mandate::label), terms(Transport.values(), Transport::label),
                terms(IncidentType.values(), IncidentType::label), terms(ActionTaken.values(), ActionTaken::label));
    }

    private static <E extends Enum<E>> List<TermView> terms(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> new TermView(v.name(), label.apply(v))).toList();
    }
}
