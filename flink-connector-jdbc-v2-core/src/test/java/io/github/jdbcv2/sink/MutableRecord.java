package io.github.jdbcv2.sink;

/** A mutable POJO, reused by the object-reuse tests. */
public class MutableRecord {
    public long id;
    public String name;

    public MutableRecord() {}
}
