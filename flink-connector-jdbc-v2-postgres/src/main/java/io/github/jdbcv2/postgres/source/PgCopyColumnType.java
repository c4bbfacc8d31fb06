package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import org.postgresql.core.Oid;

import javax.annotation.Nullable;

import java.sql.Types;
import java.util.Locale;

/**
 * A PostgreSQL column type that {@link PgCopyResultSet} decodes from binary COPY, with what pgjdbc
 * needs to behave the same: its OID, its JDBC type, and whether pgjdbc reads it as text.
 */
@Internal
enum PgCopyColumnType {
    BOOL(Oid.BOOL, Types.BIT, true),
    INT2(Oid.INT2, Types.SMALLINT, false),
    INT4(Oid.INT4, Types.INTEGER, false),
    INT8(Oid.INT8, Types.BIGINT, false),
    FLOAT4(Oid.FLOAT4, Types.REAL, false),
    FLOAT8(Oid.FLOAT8, Types.DOUBLE, false),
    NUMERIC(Oid.NUMERIC, Types.NUMERIC, false),
    TEXT(Oid.TEXT, Types.VARCHAR, true),
    VARCHAR(Oid.VARCHAR, Types.VARCHAR, true),
    BPCHAR(Oid.BPCHAR, Types.CHAR, true),
    NAME(Oid.NAME, Types.VARCHAR, true),
    BYTEA(Oid.BYTEA, Types.BINARY, false),
    DATE(Oid.DATE, Types.DATE, false),
    TIME(Oid.TIME, Types.TIME, false),
    TIMESTAMP(Oid.TIMESTAMP, Types.TIMESTAMP, false),
    TIMESTAMPTZ(Oid.TIMESTAMPTZ, Types.TIMESTAMP, false),
    UUID(Oid.UUID, Types.OTHER, false);

    final int oid;
    final int sqlType;

    /**
     * pgjdbc receives this type in text format even in binary transfer mode, so its getters follow
     * pgjdbc's text-format rules (binary COPY still sends the same bytes, except for bool).
     */
    final boolean readAsTextByPgjdbc;

    PgCopyColumnType(int oid, int sqlType, boolean readAsTextByPgjdbc) {
        this.oid = oid;
        this.sqlType = sqlType;
        this.readAsTextByPgjdbc = readAsTextByPgjdbc;
    }

    /** The name PostgreSQL gives the type, as pgjdbc reports it in error messages. */
    String pgName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type for a name from {@code ResultSetMetaData.getColumnTypeName}, or null if unsupported.
     */
    @Nullable
    static PgCopyColumnType forTypeName(@Nullable String typeName) {
        if (typeName == null) {
            return null;
        }
        switch (typeName) {
            case "serial":
                return INT4;
            case "bigserial":
                return INT8;
            case "bool":
            case "int2":
            case "int4":
            case "int8":
            case "float4":
            case "float8":
            case "numeric":
            case "text":
            case "varchar":
            case "bpchar":
            case "name":
            case "bytea":
            case "date":
            case "time":
            case "timestamp":
            case "timestamptz":
            case "uuid":
                return valueOf(typeName.toUpperCase(Locale.ROOT));
            default:
                return null;
        }
    }
}
