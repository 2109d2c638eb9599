package dev.afterimage.evidence;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders {@code provenance.html}: plain HTML and CSS, no script, readable in any browser offline. */
@ApplicationScoped
class ProvenancePage {

    @CheckedTemplate(basePath = "evidence")
    static class Templates {
        static native TemplateInstance provenance(Provenance provenance);
    }

    String render(Provenance provenance) {
        return Templates.provenance(provenance).render();
    }
}
