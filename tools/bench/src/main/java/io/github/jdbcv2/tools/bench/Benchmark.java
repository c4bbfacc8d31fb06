package io.github.jdbcv2.tools.bench;

/** A benchmark moving {@link #rows} rows between Flink and {@link #db}. */
abstract class Benchmark {

    final BenchDatabase db;
    final long rows;

    Benchmark(BenchDatabase db, long rows) {
        this.db = db;
        this.rows = rows;
    }
}
