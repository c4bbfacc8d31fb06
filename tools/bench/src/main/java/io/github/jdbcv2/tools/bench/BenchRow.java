package io.github.jdbcv2.tools.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** One row of the benchmark table, a Flink POJO: every reader builds the same object per row. */
public class BenchRow {
    public long id;
    public String name;
    public BigDecimal amount;
    public Timestamp created;
    public int qty;

    public BenchRow() {}

    public BenchRow(long id, String name, BigDecimal amount, Timestamp created, int qty) {
        this.id = id;
        this.name = name;
        this.amount = amount;
        this.created = created;
        this.qty = qty;
    }
}
