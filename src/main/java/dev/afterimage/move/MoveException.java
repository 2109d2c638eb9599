package dev.afterimage.move;

/** Why a move did not happen, in words for the person running it; the target is left as it was. */
final class MoveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MoveException(String message) {
        super(message);
    }

    MoveException(String message, Throwable cause) {
        super(message, cause);
    }
}
