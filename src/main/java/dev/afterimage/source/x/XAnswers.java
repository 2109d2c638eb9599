package dev.afterimage.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.json.RawJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of X API v2 answers, read. X reports a missing user or tweet with HTTP 200 and an {@code errors} array
 * of problems, each naming the id ({@code resource_id}) and the kind ({@code type}, a problem URL).
 */
final class XAnswers {

    static final String NOT_FOUND = "/problems/resource-not-found";
    static final String NOT_AUTHORIZED = "/problems/not-authorized-for-resource";

    private static final ObjectMapper JSON = new ObjectMapper();

    private XAnswers() {}

    /** One page of a user's timeline. */
    sealed interface Timeline {
        record Page(List<SourcePost> posts, Optional<String> nextToken) implements Timeline {}

        /** The timeline names a problem with the user instead of tweets (not found, suspended, protected). */
        record UserTrouble(String evidence) implements Timeline {}

        record Unreadable(String why) implements Timeline {}
    }

    /** {@code GET /2/users/by/username/<name>?user.fields=protected} with HTTP 200. */
    static XUser user(byte[] body, String handle) {
        Optional<JsonNode> answer = parse(body);
        if (answer.isEmpty()) {
            return new XUser.Unknown("the user lookup is not JSON");
        }
        JsonNode data = answer.get().path("data");
        if (data.path("id").isTextual()) {
            return data.path("protected").asBoolean(false)
                    ? new XUser.Gone("@" + handle + " is protected: its posts are shown to approved followers only")
                    : new XUser.Active(data.get("id").asText());
        }
        for (JsonNode problem : answer.get().path("errors")) {
            String type = problem.path("type").asText();
            String detail = problem.path("detail").asText(problem.path("title").asText());
            // Suspended accounts come back as not-found or not-authorized problems whose detail says "suspended".
            if (type.endsWith(NOT_FOUND) || type.endsWith(NOT_AUTHORIZED)) {
                return new XUser.Gone("X answers for @" + handle + ": " + detail);
            }
        }
        return new XUser.Unknown("the user lookup has neither a user nor a problem X documents");
    }

    /** {@code GET /2/users/<id>/tweets} with HTTP 200. */
    static Timeline timeline(byte[] body) {
        Optional<JsonNode> parsed = parse(body);
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return new Timeline.Unreadable("the timeline is not a JSON object");
        }
        JsonNode answer = parsed.get();
        JsonNode data = answer.path("data");
        if (!data.isArray()) {
            JsonNode problems = answer.path("errors");
            if (problems.isArray() && !problems.isEmpty()) {
                return new Timeline.UserTrouble(
                        problems.get(0).path("detail").asText(problems.get(0).toString()));
            }
            // An account without tweets: no data, a result_count of 0.
            return answer.path("meta").path("result_count").asInt(-1) == 0
                    ? new Timeline.Page(List.of(), Optional.empty())
                    : new Timeline.Unreadable("the timeline has neither tweets nor a count of none");
        }
        Map<String, JsonNode> media = XTweets.mediaByKey(answer);
        List<byte[]> raws = RawJson.arrayElements(body, "data");
        if (raws.size() != data.size()) {
            return new Timeline.Unreadable("the timeline's tweets could not be cut out of the answer");
        }
        List<SourcePost> posts = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode tweet = data.get(i);
            Optional<SourcePost> post = XTweets.post(tweet, media, raws.get(i));
            if (post.isEmpty()) {
                return new Timeline.Unreadable("a tweet without a readable id or time: " + tweet);
            }
            posts.add(post.get());
        }
        JsonNode next = answer.path("meta").path("next_token");
        return new Timeline.Page(posts, next.isTextual() ? Optional.of(next.asText()) : Optional.empty());
    }

    /**
     * {@code GET /2/tweets?ids=} with HTTP 200: for every id asked, Found when a tweet in {@code data} has it in its
     * edit history, Gone when a not-found problem names it, else Unknown.
     */
    static Map<String, PermalinkCheck> lookup(Collection<String> asked, HttpOutcome.Received page) {
        Map<String, PermalinkCheck> answers = new LinkedHashMap<>();
        Optional<JsonNode> parsed = parse(page.body());
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            asked.forEach(id -> answers.put(id, new PermalinkCheck.Unknown(page.url() + ": not a JSON object")));
            return answers;
        }
        JsonNode answer = parsed.get();
        Map<String, JsonNode> media = XTweets.mediaByKey(answer);
        Map<String, SourcePost> found = new LinkedHashMap<>();
        JsonNode data = answer.path("data");
        List<byte[]> raws = RawJson.arrayElements(page.body(), "data");
        for (int i = 0; i < data.size() && i < raws.size(); i++) {
            JsonNode tweet = data.get(i);
            XTweets.post(tweet, media, raws.get(i))
                    .ifPresent(post -> XTweets.allIds(tweet).forEach(id -> found.put(id, post)));
        }
        Map<String, JsonNode> problems = new LinkedHashMap<>();
        for (JsonNode problem : answer.path("errors")) {
            String id = problem.path("resource_id").asText(problem.path("value").asText());
            problems.putIfAbsent(id, problem);
        }
        PageCapture capture = new PageCapture(page.url(), page.exchange(), page.body());
        for (String id : asked) {
            answers.put(id, answer(id, found.get(id), problems.get(id), capture));
        }
        return answers;
    }

    private static PermalinkCheck answer(String id, SourcePost found, JsonNode problem, PageCapture capture) {
        if (found != null) {
            return new PermalinkCheck.Found(found);
        }
        if (problem == null) {
            return new PermalinkCheck.Unknown("X's answer does not mention " + id);
        }
        String type = problem.path("type").asText();
        String detail = problem.path("detail").asText(problem.path("title").asText());
        if (type.endsWith(NOT_FOUND)
                && problem.path("resource_type").asText("tweet").equals("tweet")) {
            return new PermalinkCheck.Gone(
                    XNaming.postUrl(id) + ": the X API answers \"" + detail + "\" (" + type + ")", capture);
        }
        if (type.endsWith(NOT_AUTHORIZED)) {
            return new PermalinkCheck.Unknown("X is not showing " + id + " (" + detail
                    + "): the account is protected or suspended, which the " + "listing reports");
        }
        return new PermalinkCheck.Unknown("X answers for " + id + ": " + detail + " (" + type + ")");
    }

    private static Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.ofNullable(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
