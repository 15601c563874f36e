package cn.jiaozuo.biodiversity.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that is well-formed and of the right type but that no service accepts (a NUL character, a
 * non-finite number, the nil UUID, a year outside the range). Its message is written for the client and
 * becomes the violation's message; Jackson adds the field's path on the way out.
 */
public class RefusedValueException extends MismatchedInputException {

    private final String reason;

    RefusedValueException(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** What is wrong with the value, e.g. {@code must be a finite number}. */
    public String reason() {
        return reason;
    }
}
