package dev.afterimage.match;

import dev.afterimage.pdq.PdqResult;

/** A picture read from an upload: its name (a file, a zip entry, or a video frame), bytes and PDQ. */
record Picture(String name, byte[] bytes, PdqResult pdq) {}
