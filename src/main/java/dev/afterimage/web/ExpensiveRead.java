package dev.afterimage.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read that costs the service real work (re-hashing the evidence chain, writing a WARC): it answers only
 * requests another site's page cannot make a browser send, an {@code <img>} or a link on a foreign page included.
 * See {@link ExpensiveReads}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExpensiveRead {}
