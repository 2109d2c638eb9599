package dev.afterimage.archive;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/** SQL with positional parameters {@code ?1, ?2, ...}, kept as a value so a test can explain what a reader asks. */
public record NativeQuery(String sql, List<Object> parameters) {

    public NativeQuery {
        parameters = List.copyOf(parameters);
    }

    /** The query on {@code entities}, prefixed with {@code prefix} (empty, or {@code EXPLAIN} in tests). */
    public Query create(EntityManager entities, String prefix) {
        Query query = entities.createNativeQuery(prefix + sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** The ids the query selects, in its order. */
    public List<Long> ids(EntityManager entities) {
        List<Long> ids = new ArrayList<>();
        for (Object id : create(entities, "").getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }
}
