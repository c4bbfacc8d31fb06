package io.github.jdbcv2.dsql.auth;

import org.apache.flink.annotation.Internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The token caches of this JVM, one per {@link DsqlCredentialsSupplier} id and reference-counted by
 * the providers that use it, so every subtask of a TaskManager shares one token (and one set of
 * counters).
 */
@Internal
final class SharedTokenCaches {

    private static final Map<String, Entry> CACHES = new HashMap<>();

    private SharedTokenCaches() {}

    private static final class Entry {
        final DsqlTokenCache cache;
        int references;

        Entry(DsqlTokenCache cache) {
            this.cache = cache;
        }
    }

    static synchronized DsqlTokenCache acquire(DsqlCredentialsSupplier supplier) {
        Entry entry =
                CACHES.computeIfAbsent(supplier.getId(), id -> new Entry(supplier.newCache()));
        entry.references++;
        return entry.cache;
    }

    static synchronized void release(DsqlCredentialsSupplier supplier) {
        Entry entry = CACHES.get(supplier.getId());
        if (entry != null && --entry.references <= 0) {
            CACHES.remove(supplier.getId());
        }
    }

    /** The caches held now (for tests: none once every provider closed). */
    static synchronized int size() {
        return CACHES.size();
    }

    static synchronized DsqlTokenCache lookup(String id) {
        Entry entry = CACHES.get(id);
        return entry == null ? null : entry.cache;
    }
}
