package dev.afterimage.alert;

/** What an alert says of the account it is about. */
public record AccountCard(long id, String platform, String handle, String label, String url) {

    /** The label, else the handle: how a reader knows the account. */
    public String name() {
        return label != null && !label.isBlank() ? label : "@" + handle;
    }
}
