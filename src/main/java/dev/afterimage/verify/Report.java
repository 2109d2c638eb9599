package dev.afterimage.verify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one verification found, in the order it was checked. */
public final class Report {

    private final String packageName;
    private final List<Finding> findings = new ArrayList<>();

    Report(String packageName) {
        this.packageName = packageName;
    }

    void proven(String subject, String text) {
        findings.add(new Finding.Proven(subject, text));
    }

    void failed(String subject, String text) {
        findings.add(new Finding.Failed(subject, text));
    }

    void notChecked(String subject, String text) {
        findings.add(new Finding.NotChecked(subject, text));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The first check that failed; empty when everything checked holds. */
    public Optional<Finding.Failed> firstFailure() {
        return findings.stream()
                .filter(Finding.Failed.class::isInstance)
                .map(Finding.Failed.class::cast)
                .findFirst();
    }

    public boolean holds() {
        return firstFailure().isEmpty();
    }

    void print(PrintStream out) {
        out.println("Evidence package " + packageName);
        section(out, "Proven", Finding.Proven.class, "  ok    ");
        section(out, "Could not be checked", Finding.NotChecked.class, "  --    ");
        section(out, "Failed", Finding.Failed.class, "  FAIL  ");
        out.println();
        out.println(firstFailure()
                .map(failure -> "RESULT: NOT VERIFIED. First failure: " + failure.subject() + ": " + failure.text())
                .orElse("RESULT: VERIFIED. Everything checked holds; see above for what could not be checked."));
    }

    private void section(PrintStream out, String title, Class<? extends Finding> kind, String mark) {
        List<Finding> matching = findings.stream().filter(kind::isInstance).toList();
        if (matching.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (Finding finding : matching) {
            out.println(mark + finding.subject() + ": " + finding.text());
        }
    }
}
