package cn.jiaozuo.biodiversity.observation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jiaozuo.biodiversity.observation.domain.MediaRef;
import cn.jiaozuo.biodiversity.observation.domain.RecordObservation;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request the OpenAPI document publishes and the command the intake rules check declare the same constraints,
 * field by field (also on list elements): a limit changed on one side only would be documented but not enforced, or
 * enforced but not documented.
 */
class ObservationRequestConstraintsTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(ObservationRequest.class, RecordObservation.class),
                Arguments.of(LocationRequest.class, RecordObservation.Location.class),
                Arguments.of(MediaRequest.class, MediaRef.class));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @MethodSource("pairs")
    void the_request_and_the_command_declare_the_same_constraints(Class<? extends Record> request,
            Class<? extends Record> command) {
        assertEquals(constraints(request), constraints(command));
    }

    /** Component name → its constraints (and those on its type arguments), as text with every attribute. */
    static Map<String, List<String>> constraints(Class<? extends Record> type) {
        Map<String, List<String>> byComponent = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            // The accessor carries a record component's constraints (their targets name methods, not components).
            List<String> found = new ArrayList<>(constraints(component.getAccessor().getAnnotations()));
            AnnotatedType annotated = component.getAccessor().getAnnotatedReturnType();
            if (annotated instanceof AnnotatedParameterizedType parameterized) {
                for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                    constraints(argument.getAnnotations()).forEach(c -> found.add("element " + c));
                }
            }
            byComponent.put(component.getName(), found);
        }
        return byComponent;
    }

    private static List<String> constraints(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .filter(a -> a.annotationType() == Valid.class || a.annotationType().isAnnotationPresent(Constraint.class))
                .map(Annotation::toString).sorted().toList();
    }
}
