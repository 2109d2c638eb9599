package dev.afterimage.testkit;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a run, in the console, which tests were skipped and why, counted by reason: a skip that hides
 * a missing tool (Chromium, ffmpeg, the real fixtures) must be seen, not found later in surefire's XML.
 */
public class SkippedTestsSummary implements TestExecutionListener {

    private final Map<String, Integer> byReason = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        count(reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(result.getThrowable()
                    .map(Throwable::getMessage)
                    .map(message -> message.replaceFirst("^Assumption failed: ", ""))
                    .orElse("no reason given"));
        }
    }

    private synchronized void count(String reason) {
        byReason.merge(reason == null || reason.isBlank() ? "no reason given" : reason.strip(), 1, Integer::sum);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (byReason.isEmpty()) {
            return;
        }
        int total = byReason.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder summary = new StringBuilder("Skipped " + total + (total == 1 ? " test" : " tests") + ": ");
        byReason.forEach((reason, count) ->
                summary.append(count).append(" × ").append(reason).append("; "));
        // On a line of its own, whatever another listener left unfinished on the current one.
        System.out.println();
        System.out.println(summary.substring(0, summary.length() - 2));
    }
}
