package dev.afterimage.source;

/**
 * How long a name a source hands on may be: account handles and platform post ids are stored in VARCHAR(255) columns
 * ({@code account.handle}, {@code post.platform_post_id}), so a longer one is refused or shortened before it gets
 * there.
 */
public final class ColumnWidth {

    /** The most characters of a handle or a platform post id. */
    public static final int NAME = 255;

    private ColumnWidth() {}
}
