package io.github.jdbcv2.dialect;

import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.jdbc.statement.FieldNamedPreparedStatement;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * A {@link FieldNamedPreparedStatement} over a plain {@code ?}-statement: field {@code i} is
 * parameter {@code i + 1}.
 */
@Internal
public class PositionalFieldStatement implements FieldNamedPreparedStatement {

    private final PreparedStatement statement;

    public PositionalFieldStatement(PreparedStatement statement) {
        this.statement = statement;
    }

    /** The statement the fields are bound to. */
    public PreparedStatement statement() {
        return statement;
    }

    @Override
    public void clearParameters() throws SQLException {
        statement.clearParameters();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return statement.executeQuery();
    }

    @Override
    public void addBatch() throws SQLException {
        statement.addBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return statement.executeBatch();
    }

    @Override
    public void setNull(int fieldIndex, int sqlType) throws SQLException {
        statement.setNull(fieldIndex + 1, sqlType);
    }

    @Override
    public void setBoolean(int fieldIndex, boolean x) throws SQLException {
        statement.setBoolean(fieldIndex + 1, x);
    }

    @Override
    public void setByte(int fieldIndex, byte x) throws SQLException {
        statement.setByte(fieldIndex + 1, x);
    }

    @Override
    public void setShort(int fieldIndex, short x) throws SQLException {
        statement.setShort(fieldIndex + 1, x);
    }

    @Override
    public void setInt(int fieldIndex, int x) throws SQLException {
        statement.setInt(fieldIndex + 1, x);
    }

    @Override
    public void setLong(int fieldIndex, long x) throws SQLException {
        statement.setLong(fieldIndex + 1, x);
    }

    @Override
    public void setFloat(int fieldIndex, float x) throws SQLException {
        statement.setFloat(fieldIndex + 1, x);
    }

    @Override
    public void setDouble(int fieldIndex, double x) throws SQLException {
        statement.setDouble(fieldIndex + 1, x);
    }

    @Override
    public void setBigDecimal(int fieldIndex, BigDecimal x) throws SQLException {
        statement.setBigDecimal(fieldIndex + 1, x);
    }

    @Override
    public void setString(int fieldIndex, String x) throws SQLException {
        statement.setString(fieldIndex + 1, x);
    }

    @Override
    public void setBytes(int fieldIndex, byte[] x) throws SQLException {
        statement.setBytes(fieldIndex + 1, x);
    }

    @Override
    public void setDate(int fieldIndex, Date x) throws SQLException {
        statement.setDate(fieldIndex + 1, x);
    }

    @Override
    public void setTime(int fieldIndex, Time x) throws SQLException {
        statement.setTime(fieldIndex + 1, x);
    }

    @Override
    public void setTimestamp(int fieldIndex, Timestamp x) throws SQLException {
        statement.setTimestamp(fieldIndex + 1, x);
    }

    @Override
    public void setObject(int fieldIndex, Object x) throws SQLException {
        statement.setObject(fieldIndex + 1, x);
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
