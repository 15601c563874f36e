package cn.jiaozuo.biodiversity.common.problem;

import java.util.List;

/**
 * Thrown by resources and services for an expected client-facing failure; mapped to problem+json
 * by {@link ProblemMappers}. The message is shown to the caller, so it must not carry internals
 * (and never an exact location of a sensitive species).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final transient List<Problem.Violation> violations;

    public ProblemException(int status, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public ProblemException(int status, String detail) {
        this(status, detail, List.of());
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "The request has an invalid field",
                List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException badRequest(List<Problem.Violation> violations) {
        return new ProblemException(400, "The request has " + violations.size() + " invalid field"
                + (violations.size() == 1 ? "" : "s"), violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, detail);
    }

    public int status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Problem toProblem() {
        return Problem.of(status, getMessage(), violations);
    }
}
