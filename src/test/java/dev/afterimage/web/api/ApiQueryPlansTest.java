package dev.afterimage.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.archive.NativeQuery;
import dev.afterimage.archive.NewestPosts;
import dev.afterimage.archive.PostState;
import dev.afterimage.testkit.ExplainedArchive;
import dev.afterimage.testkit.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /api/posts} over every account costs about the same over a small archive or a large one, on H2 and
 * PostgreSQL alike: it reads the newest posts, all or in one state, from an index in their order and stops after the
 * page. Each query is explained as the API asks it, against accounts of a few thousand posts (written, explained and
 * rolled back in one transaction).
 */
@QuarkusTest
class ApiQueryPlansTest {

    @Inject
    ExplainedArchive archive;

    @Test
    void theNewestPostsOfEveryAccountAreReadInIndexOrder() throws Exception {
        String plan = explain(account -> new NewestPosts(OptionalLong.empty(), Optional.empty(), false).ids(200, 101));
        List<String> used = QueryPlans.indexesRead(plan);
        assertFalse(used.isEmpty(), "the plan:\n" + plan);
        // H2 says it walks the index from its start: no condition, but in order and stopping after the page.
        assertTrue(used.stream().allMatch(index -> index.endsWith("ix_post_newest")), "the plan:\n" + plan);
        assertTrue(QueryPlans.inIndexOrder(plan), "the page must come out of the index in order; the plan:\n" + plan);
    }

    @ParameterizedTest
    @EnumSource(PostState.class)
    void theNewestPostsOfEveryAccountInAStateAreReadInIndexOrder(PostState state) throws Exception {
        // A page of deleted posts from deep in the archive: walking the newest posts of every state to find them
        // would read nearly all of them.
        String plan = explain(account -> new NewestPosts(OptionalLong.empty(), Optional.of(state), false).ids(20, 11));
        assertEquals(List.of("ix_post_state_newest"), QueryPlans.indexesRead(plan), "the plan:\n" + plan);
        assertTrue(QueryPlans.looksUpBy(plan, "state"), "the plan:\n" + plan);
        assertTrue(QueryPlans.inIndexOrder(plan), "the page must come out of the index in order; the plan:\n" + plan);
    }

    private String explain(LongFunction<NativeQuery> query) throws Exception {
        return archive.explain("api_plans", query);
    }
}
