package dev.afterimage.watch;

import dev.afterimage.ConflictException;

/** A poll of the account is already running and did not finish in time; ask again later. */
public class PollInProgressException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public PollInProgressException(long accountId, long waitedSeconds) {
        super("a poll of account " + accountId + " is still running after " + waitedSeconds + " s; ask again later");
    }
}
