package dev.afterimage.web.console;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console form post: it runs only when the form carries the console's anti-CSRF token ({@link CsrfToken}),
 * checked by {@link CsrfFilter} before the method is called.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CsrfProtected {}
