package cn.jiaozuo.biodiversity.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a Strimzi {@code KafkaUser} in the deployment's manifests (deploy/k8s/base/kafka-users.yaml),
 * as Kafka ACL bindings: a test gives them to a user of the test broker and runs the service as that
 * user, so a missing ACL in production fails a test here first.
 */
public final class StrimziKafkaUsers {

    /** The manifest, found from a module's directory (the tests' working directory) upwards. */
    public static final String MANIFEST = "deploy/k8s/base/kafka-users.yaml";

    private StrimziKafkaUsers() {
    }

    public static List<AclBinding> acls(String user) {
        Path manifest = locate();
        List<AclBinding> bindings = new ArrayList<>();
        boolean found = false;
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(Files.newBufferedReader(manifest))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (!"KafkaUser".equals(doc.path("kind").asText()) || !user.equals(doc.path("metadata").path("name").asText())) {
                    continue;
                }
                found = true;
                for (JsonNode acl : doc.path("spec").path("authorization").path("acls")) {
                    JsonNode resource = acl.path("resource");
                    String type = resource.path("type").asText();
                    ResourcePattern pattern = new ResourcePattern(resourceType(type),
                            "cluster".equals(type) ? "kafka-cluster" : resource.path("name").asText(),
                            "prefix".equals(resource.path("patternType").asText("literal")) ? PatternType.PREFIXED : PatternType.LITERAL);
                    for (JsonNode operation : acl.path("operations")) {
                        bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + user, acl.path("host").asText("*"),
                                operation(operation.asText()), AclPermissionType.ALLOW)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found) {
            throw new IllegalArgumentException("No KafkaUser " + user + " in " + manifest);
        }
        return bindings;
    }

    private static ResourceType resourceType(String strimzi) {
        return switch (strimzi) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("Unknown ACL resource type " + strimzi);
        };
    }

    /** Strimzi's CamelCase (Read, IdempotentWrite, DescribeConfigs) to Kafka's enum. */
    private static AclOperation operation(String strimzi) {
        return AclOperation.valueOf(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MANIFEST))) {
                return dir.resolve(MANIFEST);
            }
        }
        throw new IllegalStateException(MANIFEST + " not found above " + Path.of("").toAbsolutePath());
    }
}
