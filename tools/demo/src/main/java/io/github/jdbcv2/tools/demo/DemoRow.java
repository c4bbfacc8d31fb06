package io.github.jdbcv2.tools.demo;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of the demo tables (a Flink POJO). */
public class DemoRow {
    public long id;
    public String name;
    public BigDecimal amount;
    public LocalDateTime createdAt;

    public DemoRow() {}
}
