package cn.jiaozuo.biodiversity.bulletin.api;

import cn.jiaozuo.biodiversity.bulletin.domain.Scope;
import cn.jiaozuo.biodiversity.common.geo.JiaozuoCounty;
import cn.jiaozuo.biodiversity.common.geo.PriorityArea;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/bulletin-scopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulletins", description = "Monitoring bulletins (简报): generated from the read model, archived")
public class ScopeResource {

    @GET
    @PermitAll
    @Operation(operationId = "listBulletinScopes", summary = "What a bulletin can cover",
            description = "Public: the city, the two priority areas and the ten counties, with the counties each covers.")
    @APIResponse(responseCode = "200", description = "The scopes", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = ScopeView.class), examples = @ExampleObject(name = "excerpt",
            value = "[{\"code\": \"YELLOW_RIVER\", \"name\": \"南部黄河及滩区湿地优先区域\", \"counties\": [\"410823\", \"410825\", \"410883\"]}]")))
    public List<ScopeView> scopes() {
        List<String> codes = new ArrayList<>();
        codes.add(Scope.CITY);
        for (PriorityArea area : PriorityArea.values()) {
            codes.add(area.name());
        }
        for (JiaozuoCounty county : JiaozuoCounty.values()) {
            codes.add(county.code());
        }
        return codes.stream().map(code -> Scope.of(code).orElseThrow()).map(s -> new ScopeView(s.code(), s.chineseName(), s.counties())).toList();
    }
}
