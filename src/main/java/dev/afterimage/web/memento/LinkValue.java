package dev.afterimage.web.memento;

import java.util.ArrayList;
import java.util.List;

/**
 * One link of a Link header or link-format body (RFC 8288 section 3, RFC 6690): a target URI and its attributes in
 * the order written, every value quoted.
 */
record LinkValue(String target, List<Attribute> attributes) {

    /** One {@code name="value"} pair. */
    record Attribute(String name, String value) {}

    LinkValue {
        attributes = List.copyOf(attributes);
    }

    static LinkValue to(String target, String rel) {
        return new LinkValue(target, List.of(new Attribute("rel", rel)));
    }

    LinkValue with(String name, String value) {
        List<Attribute> more = new ArrayList<>(attributes);
        more.add(new Attribute(name, value));
        return new LinkValue(target, more);
    }

    /** Our attribute values are relation names, media types and HTTP dates, none of which holds a quote. */
    String serialise() {
        StringBuilder out =
                new StringBuilder("<").append(UriReference.safe(target)).append('>');
        for (Attribute attribute : attributes) {
            out.append("; ")
                    .append(attribute.name())
                    .append("=\"")
                    .append(attribute.value())
                    .append('"');
        }
        return out.toString();
    }
}
