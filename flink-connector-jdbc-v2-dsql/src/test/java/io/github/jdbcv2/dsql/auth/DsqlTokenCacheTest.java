package io.github.jdbcv2.dsql.auth;

import io.github.jdbcv2.dsql.emulator.ManualClock;

import org.apache.flink.util.InstantiationUtil;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DsqlTokenCacheTest {

    /**
     * Numbers its tokens; can be told to fail. Static state so serialized copies count together.
     */
    static final class CountingSource implements DsqlTokenSource {
        private static final long serialVersionUID = 1L;
        static final ConcurrentHashMap<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
        static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
        private final String name;

        CountingSource(String name) {
            this.name = name;
            CALLS.put(name, new AtomicInteger());
        }

        @Override
        public String generateToken(String username, Duration lifetime) throws SQLException {
            if (FAILING.contains(name)) {
                throw new SQLInvalidAuthorizationSpecException("no credentials", "28000");
            }
            return "token-" + username + "-" + CALLS.get(name).incrementAndGet();
        }

        int calls() {
            return CALLS.get(name).get();
        }
    }

    @Test
    void keepsOneTokenUntil80PercentOfItsLifetime() throws SQLException {
        ManualClock clock = new ManualClock();
        CountingSource source = new CountingSource("period");
        DsqlTokenCache cache = new DsqlTokenCache(source, "admin", Duration.ofMinutes(15), clock);

        String first = cache.getToken();
        assertThat(cache.getToken()).isSameAs(first);
        clock.advance(Duration.ofMinutes(11).plusSeconds(59));
        assertThat(cache.getToken()).isSameAs(first);
        assertThat(cache.getTokensGenerated()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // 12 minutes: 80% of 15
        String second = cache.getToken();
        assertThat(second).isNotEqualTo(first).isEqualTo("token-admin-2");
        assertThat(cache.getTokensGenerated()).isEqualTo(2);
        // Renewed well before the first token expired (15 minutes).
        clock.advance(Duration.ofMinutes(11));
        assertThat(cache.getToken()).isSameAs(second);
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void manyThreadsShareOneTokenPerPeriod() throws Exception {
        ManualClock clock = new ManualClock();
        CountingSource source = new CountingSource("threads");
        DsqlTokenCache cache = new DsqlTokenCache(source, "admin", Duration.ofMinutes(15), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Set<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(
                        () -> {
                            Set<String> seen = ConcurrentHashMap.newKeySet();
                            for (int i = 0; i < 2_000; i++) {
                                seen.add(cache.getToken());
                            }
                            return seen;
                        });
            }
            Set<String> all = ConcurrentHashMap.newKeySet();
            for (Future<Set<String>> f : pool.invokeAll(tasks)) {
                all.addAll(f.get());
            }
            assertThat(all).containsExactly("token-admin-1");
            assertThat(cache.getTokensGenerated()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void authFailureDropsTheTokenAndIsCounted() throws SQLException {
        CountingSource source = new CountingSource("failure");
        DsqlTokenCache cache =
                new DsqlTokenCache(source, "writer", Duration.ofMinutes(15), new ManualClock());
        assertThat(cache.getToken()).isEqualTo("token-writer-1");
        cache.recordAuthFailure();
        assertThat(cache.getAuthFailures()).isEqualTo(1);
        assertThat(cache.getToken()).isEqualTo("token-writer-2");

        CountingSource.FAILING.add("failure");
        try {
            cache.invalidate();
            assertThatThrownBy(cache::getToken)
                    .isInstanceOf(SQLInvalidAuthorizationSpecException.class);
            assertThat(cache.getAuthFailures()).isEqualTo(2);
            assertThat(cache.getTokensGenerated()).isEqualTo(2);
        } finally {
            CountingSource.FAILING.remove("failure");
        }
    }

    @Test
    void supplierIsSerializableAndCopiesShareTheCacheWhileRetained() throws Exception {
        ManualClock clock = new ManualClock();
        CountingSource source = new CountingSource("shared");
        DsqlCredentialsSupplier supplier =
                new DsqlCredentialsSupplier("admin", source, Duration.ofMinutes(15), clock);
        DsqlCredentialsSupplier copy = InstantiationUtil.clone(supplier);
        supplier.retainSharedCache();
        try {
            assertThat(supplier.get().getUsername()).isEqualTo("admin");
            assertThat(copy.get().getPassword())
                    .isEqualTo(supplier.get().getPassword())
                    .isEqualTo("token-admin-1");
            assertThat(copy.getTokensGenerated()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(12));
            assertThat(copy.get().getPassword()).isEqualTo("token-admin-2");
            assertThat(supplier.getTokensGenerated()).isEqualTo(2);
        } finally {
            supplier.releaseSharedCache();
        }
        // Released: each copy has its own cache again.
        assertThat(copy.get().getPassword()).isEqualTo("token-admin-3");
        assertThat(copy.toString()).doesNotContain("token-admin");
    }

    @Test
    void rejectsAClockThatCannotTravelWithTheJob() {
        java.time.Clock notSerializable =
                new java.time.Clock() {
                    @Override
                    public java.time.ZoneId getZone() {
                        return java.time.ZoneOffset.UTC;
                    }

                    @Override
                    public java.time.Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public java.time.Instant instant() {
                        return java.time.Instant.EPOCH;
                    }
                };
        assertThatThrownBy(
                        () ->
                                new DsqlCredentialsSupplier(
                                        "admin",
                                        new CountingSource("clock"),
                                        Duration.ofMinutes(1),
                                        notSerializable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serializable");
    }
}
