package cn.jiaozuo.biodiversity.testsupport;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.AssertionFailedError;

/**
 * Checks every response a test receives against the OpenAPI document of the service that sent it (fetched once per
 * service address from {@code /q/openapi?format=json}): a status the operation does not document, a media type the
 * status does not document, or a JSON body that breaks the documented schema fails the test, naming the operation
 * and the field. Requests to paths the document does not describe (health, metrics, the test probes) pass
 * unchecked. {@link OpenApiContractCallback} installs it for every {@code @QuarkusTest}; a request whose answer
 * must not be checked (none so far) can say {@code given().noFilters()}.
 */
public final class OpenApiContractFilter implements OrderedFilter {

    public static final OpenApiContractFilter INSTANCE = new OpenApiContractFilter();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Per service address; empty where no OpenAPI document is served (a stub receiver, say). */
    private final Map<String, Optional<OpenApiContract>> contracts = new ConcurrentHashMap<>();

    private OpenApiContractFilter() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path == null || path.startsWith("/q/")) {
            return response;
        }
        Optional<OpenApiContract> contract = contracts.computeIfAbsent(uri.getScheme() + "://" + uri.getRawAuthority(),
                OpenApiContractFilter::load);
        if (contract.isEmpty()) {
            return response;
        }
        List<String> mismatches = contract.get().check(request.getMethod(), path, response.statusCode(),
                response.contentType() == null || response.contentType().isEmpty() ? null : response.contentType(),
                response::asString);
        if (!mismatches.isEmpty()) {
            throw new AssertionFailedError("The response breaks the service's OpenAPI document:\n  "
                    + String.join("\n  ", mismatches) + "\nBody: " + abbreviated(response));
        }
        return response;
    }

    /** After the other filters, so it sees the final response. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    private static Optional<OpenApiContract> load(String base) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200 || !document.body().trim().startsWith("{")) {
                return Optional.empty();
            }
            return Optional.of(new OpenApiContract(document.body(), base));
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String abbreviated(Response response) {
        String contentType = response.contentType();
        if (contentType == null || !OpenApiContract.isJson(contentType.split(";", 2)[0].trim())) {
            return "(" + contentType + ")";
        }
        String body = response.asString();
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
