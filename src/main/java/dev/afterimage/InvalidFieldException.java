package dev.afterimage;

/** Input that cannot be accepted, naming the field at fault; the web layer answers it with a 400 problem. */
public class InvalidFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
