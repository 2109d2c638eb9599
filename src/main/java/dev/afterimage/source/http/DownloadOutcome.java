package dev.afterimage.source.http;

import java.nio.file.Path;

/** What downloading a media file came to. */
public sealed interface DownloadOutcome {

    /**
     * The bytes are in {@code file} (a temporary file the caller moves or deletes).
     *
     * @param sha256 lower-case hex SHA-256 of the bytes, computed while streaming
     * @param exchange the request and response heads of the final hop, for the WARC record of this fetch
     */
    record Downloaded(String url, Path file, long size, String sha256, String contentType, Exchange exchange)
            implements DownloadOutcome {}

    /** The source says the file is gone: HTTP 404 or 410. */
    record Gone(String url, int status, String reason) implements DownloadOutcome {}

    /** Not downloaded: any status other than 2xx, 404 and 410, a timeout, over the size limit, a refused address. */
    record Failed(String url, String reason) implements DownloadOutcome {}
}
