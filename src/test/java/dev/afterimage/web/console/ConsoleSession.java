package dev.afterimage.web.console;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session with the console as REST Assured sees it: the CSRF cookie and the token the forms carry. */
final class ConsoleSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final String token;

    private ConsoleSession(String token) {
        this.token = token;
    }

    /** Opens a page that has a form and keeps its token. */
    static ConsoleSession open(String page) {
        Response response = given().get(page).then().statusCode(200).extract().response();
        String cookie = response.getCookie(CsrfToken.COOKIE);
        Matcher token = TOKEN.matcher(response.asString());
        if (cookie == null || !token.find() || !token.group(1).equals(cookie)) {
            throw new AssertionError(page + " did not set the CSRF cookie and the same token in its form");
        }
        return new ConsoleSession(cookie);
    }

    /** A form post as the page would send it, redirects not followed. */
    RequestSpecification form() {
        return given().redirects()
                .follow(false)
                .cookie(CsrfToken.COOKIE, token)
                .contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam(CsrfToken.FIELD, token);
    }
}
