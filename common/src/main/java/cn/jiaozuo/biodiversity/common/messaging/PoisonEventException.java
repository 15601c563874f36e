package cn.jiaozuo.biodiversity.common.messaging;

/** An event that no retry will make acceptable (bad shape, unknown type, impossible values). */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
