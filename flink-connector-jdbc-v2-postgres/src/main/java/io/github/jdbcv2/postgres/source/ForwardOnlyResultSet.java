package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only {@link ResultSet} that answers as pgjdbc's does: the cursor's state,
 * column labels and every by-label getter are here, once; what it does not offer (updates,
 * scrolling, streams, LOBs, arrays...) throws a {@link SQLFeatureNotSupportedException} that names
 * the method and how to read through a cursor instead.
 *
 * <p>A subclass moves from row to row ({@link #advance()}) and decodes values by column index; its
 * getters start with {@link #checkRow(int)}. Labels are mapped to indexes when the result set is
 * made, never per row.
 */
@Internal
@SuppressWarnings("deprecation")
abstract class ForwardOnlyResultSet implements ResultSet {

    static final String HINT =
            "rows read through PostgreSQL's binary COPY support the getters of common types; "
                    + "call JdbcSourceBuilder.setBulkReadEnabled(false) to read through a JDBC cursor";

    private final ResultSetMetaData meta;
    private final int columnCount;

    /**
     * Lower-case label to the first column with it; other spellings that were asked for are added
     * as found.
     */
    private final Map<String, Integer> columnByLabel;

    private boolean onRow;
    private boolean closed;
    private int rowNumber;

    /**
     * meta describes the columns and must answer without the connection (see {@link
     * PgCopyResultSetMetaData}).
     */
    ForwardOnlyResultSet(ResultSetMetaData meta) throws SQLException {
        this.meta = meta;
        this.columnCount = meta.getColumnCount();
        this.columnByLabel = new HashMap<>(columnCount * 2);
        for (int c = columnCount;
                c >= 1;
                c--) { // backwards, so that the first of equal labels wins
            columnByLabel.put(meta.getColumnLabel(c).toLowerCase(Locale.US), c);
        }
    }

    /** Moves to the next row: false after the last one. */
    protected abstract boolean advance() throws SQLException;

    /** True once the rows are known to have ended. */
    protected abstract boolean exhausted();

    /** Frees the row source; called once, by the first {@link #close()}. */
    protected abstract void release();

    static SQLFeatureNotSupportedException unsupported(String method) {
        return new SQLFeatureNotSupportedException(
                "ResultSet." + method + " is not supported: " + HINT);
    }

    /** Checks the column index like pgjdbc (22023); returns the 0-based field. */
    static int fieldIndex(int columnIndex, int columnCount) throws SQLException {
        if (columnIndex < 1 || columnIndex > columnCount) {
            throw new PSQLException(
                    "The column index is out of range: "
                            + columnIndex
                            + ", number of columns: "
                            + columnCount
                            + ".",
                    PSQLState.INVALID_PARAMETER_VALUE);
        }
        return columnIndex - 1;
    }

    /**
     * Checks the state and the column index like pgjdbc (55000, 24000, 22023); returns the 0-based
     * field.
     */
    protected final int checkRow(int columnIndex) throws SQLException {
        checkOpen();
        if (!onRow) {
            throw new PSQLException(
                    "ResultSet not positioned properly, perhaps you need to call next.",
                    PSQLState.INVALID_CURSOR_STATE);
        }
        return fieldIndex(columnIndex, columnCount);
    }

    /**
     * Checks the column index like pgjdbc (22023) without needing a row; returns the 0-based field.
     */
    protected final int checkColumnIndex(int columnIndex) throws SQLException {
        return fieldIndex(columnIndex, columnCount);
    }

    protected final void checkOpen() throws SQLException {
        if (closed) {
            throw new PSQLException("This ResultSet is closed.", PSQLState.OBJECT_NOT_IN_STATE);
        }
    }

    // ------------------------------------------------------------------ cursor

    @Override
    public final boolean next() throws SQLException {
        checkOpen();
        onRow = advance();
        if (onRow) {
            rowNumber++;
        }
        return onRow;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        onRow = false;
        release();
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return meta;
    }

    /** As pgjdbc: the first column whose label equals columnLabel ignoring case (42703 if none). */
    @Override
    public final int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        Integer index = columnByLabel.get(columnLabel);
        if (index != null) {
            return index;
        }
        index = columnByLabel.get(columnLabel.toLowerCase(Locale.US));
        if (index == null) {
            index = columnByLabel.get(columnLabel.toUpperCase(Locale.US));
        }
        if (index == null) {
            throw new PSQLException(
                    "The column name " + columnLabel + " was not found in this ResultSet.",
                    PSQLState.UNDEFINED_COLUMN);
        }
        columnByLabel.put(columnLabel, index); // this spelling again: no case conversion
        return index;
    }

    @Override
    public final int getRow() throws SQLException {
        checkOpen();
        return onRow ? rowNumber : 0;
    }

    @Override
    public final boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowNumber == 0 && !exhausted();
    }

    @Override
    public final boolean isAfterLast() throws SQLException {
        checkOpen();
        return rowNumber > 0 && !onRow && exhausted();
    }

    @Override
    public final boolean isFirst() throws SQLException {
        checkOpen();
        return onRow && rowNumber == 1;
    }

    @Override
    public final int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public final int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public final int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public final int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public final void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw unsupported("setFetchDirection(int) other than FETCH_FORWARD");
        }
    }

    @Override
    public final void setFetchSize(int rows) throws SQLException {
        checkOpen();
    }

    @Override
    public final int getFetchSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public final Statement getStatement() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public final SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public final void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Cannot unwrap to " + iface.getName());
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // ------------------------------------------------------------------ getters: defaults and by
    // label

    @Override
    public final Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public final Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public final Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public final Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        if (map == null || map.isEmpty()) {
            return getObject(columnIndex);
        }
        throw unsupported("getObject(int, Map)");
    }

    @Override
    public final String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public final boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public final byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public final short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public final int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public final long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public final float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public final double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    public final BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public final BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public final byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public final Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public final Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public final Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public final Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public final Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public final Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public final Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public final Object getObject(String columnLabel, Map<String, Class<?>> map)
            throws SQLException {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public final <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    // ------------------------------------------------------------------ not offered: moving,
    // changing rows

    @Override
    public final boolean absolute(int row) throws SQLException {
        throw unsupported("absolute(int)");
    }

    @Override
    public final void afterLast() throws SQLException {
        throw unsupported("afterLast()");
    }

    @Override
    public final void beforeFirst() throws SQLException {
        throw unsupported("beforeFirst()");
    }

    @Override
    public final void cancelRowUpdates() throws SQLException {
        throw unsupported("cancelRowUpdates()");
    }

    @Override
    public final void deleteRow() throws SQLException {
        throw unsupported("deleteRow()");
    }

    @Override
    public final boolean first() throws SQLException {
        throw unsupported("first()");
    }

    @Override
    public final void insertRow() throws SQLException {
        throw unsupported("insertRow()");
    }

    @Override
    public final boolean isLast() throws SQLException {
        throw unsupported("isLast()");
    }

    @Override
    public final boolean last() throws SQLException {
        throw unsupported("last()");
    }

    @Override
    public final void moveToCurrentRow() throws SQLException {
        throw unsupported("moveToCurrentRow()");
    }

    @Override
    public final void moveToInsertRow() throws SQLException {
        throw unsupported("moveToInsertRow()");
    }

    @Override
    public final boolean previous() throws SQLException {
        throw unsupported("previous()");
    }

    @Override
    public final void refreshRow() throws SQLException {
        throw unsupported("refreshRow()");
    }

    @Override
    public final boolean relative(int rows) throws SQLException {
        throw unsupported("relative(int)");
    }

    @Override
    public final boolean rowDeleted() throws SQLException {
        throw unsupported("rowDeleted()");
    }

    @Override
    public final boolean rowInserted() throws SQLException {
        throw unsupported("rowInserted()");
    }

    @Override
    public final boolean rowUpdated() throws SQLException {
        throw unsupported("rowUpdated()");
    }

    @Override
    public final void updateRow() throws SQLException {
        throw unsupported("updateRow()");
    }

    // ------------------------------------------------------------------ not offered: types without
    // a decoder

    @Override
    public final Array getArray(String columnLabel) throws SQLException {
        throw unsupported("getArray(String)");
    }

    @Override
    public final Array getArray(int columnIndex) throws SQLException {
        throw unsupported("getArray(int)");
    }

    @Override
    public final InputStream getAsciiStream(String columnLabel) throws SQLException {
        throw unsupported("getAsciiStream(String)");
    }

    @Override
    public final InputStream getAsciiStream(int columnIndex) throws SQLException {
        throw unsupported("getAsciiStream(int)");
    }

    @Override
    public final InputStream getBinaryStream(String columnLabel) throws SQLException {
        throw unsupported("getBinaryStream(String)");
    }

    @Override
    public final InputStream getBinaryStream(int columnIndex) throws SQLException {
        throw unsupported("getBinaryStream(int)");
    }

    @Override
    public final Blob getBlob(String columnLabel) throws SQLException {
        throw unsupported("getBlob(String)");
    }

    @Override
    public final Blob getBlob(int columnIndex) throws SQLException {
        throw unsupported("getBlob(int)");
    }

    @Override
    public final Reader getCharacterStream(String columnLabel) throws SQLException {
        throw unsupported("getCharacterStream(String)");
    }

    @Override
    public final Reader getCharacterStream(int columnIndex) throws SQLException {
        throw unsupported("getCharacterStream(int)");
    }

    @Override
    public final Clob getClob(String columnLabel) throws SQLException {
        throw unsupported("getClob(String)");
    }

    @Override
    public final Clob getClob(int columnIndex) throws SQLException {
        throw unsupported("getClob(int)");
    }

    @Override
    public final String getCursorName() throws SQLException {
        throw unsupported("getCursorName()");
    }

    @Override
    public final Reader getNCharacterStream(String columnLabel) throws SQLException {
        throw unsupported("getNCharacterStream(String)");
    }

    @Override
    public final Reader getNCharacterStream(int columnIndex) throws SQLException {
        throw unsupported("getNCharacterStream(int)");
    }

    @Override
    public final NClob getNClob(String columnLabel) throws SQLException {
        throw unsupported("getNClob(String)");
    }

    @Override
    public final NClob getNClob(int columnIndex) throws SQLException {
        throw unsupported("getNClob(int)");
    }

    @Override
    public final String getNString(String columnLabel) throws SQLException {
        throw unsupported("getNString(String)");
    }

    @Override
    public final String getNString(int columnIndex) throws SQLException {
        throw unsupported("getNString(int)");
    }

    @Override
    public final Ref getRef(String columnLabel) throws SQLException {
        throw unsupported("getRef(String)");
    }

    @Override
    public final Ref getRef(int columnIndex) throws SQLException {
        throw unsupported("getRef(int)");
    }

    @Override
    public final RowId getRowId(String columnLabel) throws SQLException {
        throw unsupported("getRowId(String)");
    }

    @Override
    public final RowId getRowId(int columnIndex) throws SQLException {
        throw unsupported("getRowId(int)");
    }

    @Override
    public final SQLXML getSQLXML(String columnLabel) throws SQLException {
        throw unsupported("getSQLXML(String)");
    }

    @Override
    public final SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw unsupported("getSQLXML(int)");
    }

    @Override
    public final URL getURL(String columnLabel) throws SQLException {
        throw unsupported("getURL(String)");
    }

    @Override
    public final URL getURL(int columnIndex) throws SQLException {
        throw unsupported("getURL(int)");
    }

    @Override
    public final InputStream getUnicodeStream(String columnLabel) throws SQLException {
        throw unsupported("getUnicodeStream(String)");
    }

    @Override
    public final InputStream getUnicodeStream(int columnIndex) throws SQLException {
        throw unsupported("getUnicodeStream(int)");
    }

    // ------------------------------------------------------------------ not offered: updates

    @Override
    public final void updateArray(String columnLabel, Array x) throws SQLException {
        throw unsupported("updateArray(String, Array)");
    }

    @Override
    public final void updateArray(int columnIndex, Array x) throws SQLException {
        throw unsupported("updateArray(int, Array)");
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
        throw unsupported("updateAsciiStream(String, InputStream)");
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x, int length)
            throws SQLException {
        throw unsupported("updateAsciiStream(String, InputStream, int)");
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x, long length)
            throws SQLException {
        throw unsupported("updateAsciiStream(String, InputStream, long)");
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
        throw unsupported("updateAsciiStream(int, InputStream)");
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x, int length)
            throws SQLException {
        throw unsupported("updateAsciiStream(int, InputStream, int)");
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x, long length)
            throws SQLException {
        throw unsupported("updateAsciiStream(int, InputStream, long)");
    }

    @Override
    public final void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        throw unsupported("updateBigDecimal(String, BigDecimal)");
    }

    @Override
    public final void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        throw unsupported("updateBigDecimal(int, BigDecimal)");
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
        throw unsupported("updateBinaryStream(String, InputStream)");
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x, int length)
            throws SQLException {
        throw unsupported("updateBinaryStream(String, InputStream, int)");
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x, long length)
            throws SQLException {
        throw unsupported("updateBinaryStream(String, InputStream, long)");
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
        throw unsupported("updateBinaryStream(int, InputStream)");
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x, int length)
            throws SQLException {
        throw unsupported("updateBinaryStream(int, InputStream, int)");
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x, long length)
            throws SQLException {
        throw unsupported("updateBinaryStream(int, InputStream, long)");
    }

    @Override
    public final void updateBlob(String columnLabel, Blob x) throws SQLException {
        throw unsupported("updateBlob(String, Blob)");
    }

    @Override
    public final void updateBlob(String columnLabel, InputStream x) throws SQLException {
        throw unsupported("updateBlob(String, InputStream)");
    }

    @Override
    public final void updateBlob(String columnLabel, InputStream x, long length)
            throws SQLException {
        throw unsupported("updateBlob(String, InputStream, long)");
    }

    @Override
    public final void updateBlob(int columnIndex, Blob x) throws SQLException {
        throw unsupported("updateBlob(int, Blob)");
    }

    @Override
    public final void updateBlob(int columnIndex, InputStream x) throws SQLException {
        throw unsupported("updateBlob(int, InputStream)");
    }

    @Override
    public final void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
        throw unsupported("updateBlob(int, InputStream, long)");
    }

    @Override
    public final void updateBoolean(String columnLabel, boolean x) throws SQLException {
        throw unsupported("updateBoolean(String, boolean)");
    }

    @Override
    public final void updateBoolean(int columnIndex, boolean x) throws SQLException {
        throw unsupported("updateBoolean(int, boolean)");
    }

    @Override
    public final void updateByte(String columnLabel, byte x) throws SQLException {
        throw unsupported("updateByte(String, byte)");
    }

    @Override
    public final void updateByte(int columnIndex, byte x) throws SQLException {
        throw unsupported("updateByte(int, byte)");
    }

    @Override
    public final void updateBytes(String columnLabel, byte[] x) throws SQLException {
        throw unsupported("updateBytes(String, byte[])");
    }

    @Override
    public final void updateBytes(int columnIndex, byte[] x) throws SQLException {
        throw unsupported("updateBytes(int, byte[])");
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x) throws SQLException {
        throw unsupported("updateCharacterStream(String, Reader)");
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x, int length)
            throws SQLException {
        throw unsupported("updateCharacterStream(String, Reader, int)");
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x, long length)
            throws SQLException {
        throw unsupported("updateCharacterStream(String, Reader, long)");
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw unsupported("updateCharacterStream(int, Reader)");
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x, int length)
            throws SQLException {
        throw unsupported("updateCharacterStream(int, Reader, int)");
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x, long length)
            throws SQLException {
        throw unsupported("updateCharacterStream(int, Reader, long)");
    }

    @Override
    public final void updateClob(String columnLabel, Clob x) throws SQLException {
        throw unsupported("updateClob(String, Clob)");
    }

    @Override
    public final void updateClob(String columnLabel, Reader x) throws SQLException {
        throw unsupported("updateClob(String, Reader)");
    }

    @Override
    public final void updateClob(String columnLabel, Reader x, long length) throws SQLException {
        throw unsupported("updateClob(String, Reader, long)");
    }

    @Override
    public final void updateClob(int columnIndex, Clob x) throws SQLException {
        throw unsupported("updateClob(int, Clob)");
    }

    @Override
    public final void updateClob(int columnIndex, Reader x) throws SQLException {
        throw unsupported("updateClob(int, Reader)");
    }

    @Override
    public final void updateClob(int columnIndex, Reader x, long length) throws SQLException {
        throw unsupported("updateClob(int, Reader, long)");
    }

    @Override
    public final void updateDate(String columnLabel, Date x) throws SQLException {
        throw unsupported("updateDate(String, Date)");
    }

    @Override
    public final void updateDate(int columnIndex, Date x) throws SQLException {
        throw unsupported("updateDate(int, Date)");
    }

    @Override
    public final void updateDouble(String columnLabel, double x) throws SQLException {
        throw unsupported("updateDouble(String, double)");
    }

    @Override
    public final void updateDouble(int columnIndex, double x) throws SQLException {
        throw unsupported("updateDouble(int, double)");
    }

    @Override
    public final void updateFloat(String columnLabel, float x) throws SQLException {
        throw unsupported("updateFloat(String, float)");
    }

    @Override
    public final void updateFloat(int columnIndex, float x) throws SQLException {
        throw unsupported("updateFloat(int, float)");
    }

    @Override
    public final void updateInt(String columnLabel, int x) throws SQLException {
        throw unsupported("updateInt(String, int)");
    }

    @Override
    public final void updateInt(int columnIndex, int x) throws SQLException {
        throw unsupported("updateInt(int, int)");
    }

    @Override
    public final void updateLong(String columnLabel, long x) throws SQLException {
        throw unsupported("updateLong(String, long)");
    }

    @Override
    public final void updateLong(int columnIndex, long x) throws SQLException {
        throw unsupported("updateLong(int, long)");
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, Reader x) throws SQLException {
        throw unsupported("updateNCharacterStream(String, Reader)");
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, Reader x, long length)
            throws SQLException {
        throw unsupported("updateNCharacterStream(String, Reader, long)");
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw unsupported("updateNCharacterStream(int, Reader)");
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, Reader x, long length)
            throws SQLException {
        throw unsupported("updateNCharacterStream(int, Reader, long)");
    }

    @Override
    public final void updateNClob(String columnLabel, NClob x) throws SQLException {
        throw unsupported("updateNClob(String, NClob)");
    }

    @Override
    public final void updateNClob(String columnLabel, Reader x) throws SQLException {
        throw unsupported("updateNClob(String, Reader)");
    }

    @Override
    public final void updateNClob(String columnLabel, Reader x, long length) throws SQLException {
        throw unsupported("updateNClob(String, Reader, long)");
    }

    @Override
    public final void updateNClob(int columnIndex, NClob x) throws SQLException {
        throw unsupported("updateNClob(int, NClob)");
    }

    @Override
    public final void updateNClob(int columnIndex, Reader x) throws SQLException {
        throw unsupported("updateNClob(int, Reader)");
    }

    @Override
    public final void updateNClob(int columnIndex, Reader x, long length) throws SQLException {
        throw unsupported("updateNClob(int, Reader, long)");
    }

    @Override
    public final void updateNString(String columnLabel, String x) throws SQLException {
        throw unsupported("updateNString(String, String)");
    }

    @Override
    public final void updateNString(int columnIndex, String x) throws SQLException {
        throw unsupported("updateNString(int, String)");
    }

    @Override
    public final void updateNull(String columnLabel) throws SQLException {
        throw unsupported("updateNull(String)");
    }

    @Override
    public final void updateNull(int columnIndex) throws SQLException {
        throw unsupported("updateNull(int)");
    }

    @Override
    public final void updateObject(String columnLabel, Object x) throws SQLException {
        throw unsupported("updateObject(String, Object)");
    }

    @Override
    public final void updateObject(String columnLabel, Object x, SQLType targetSqlType)
            throws SQLException {
        throw unsupported("updateObject(String, Object, SQLType)");
    }

    @Override
    public final void updateObject(
            String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        throw unsupported("updateObject(String, Object, SQLType, int)");
    }

    @Override
    public final void updateObject(String columnLabel, Object x, int scaleOrLength)
            throws SQLException {
        throw unsupported("updateObject(String, Object, int)");
    }

    @Override
    public final void updateObject(int columnIndex, Object x) throws SQLException {
        throw unsupported("updateObject(int, Object)");
    }

    @Override
    public final void updateObject(int columnIndex, Object x, SQLType targetSqlType)
            throws SQLException {
        throw unsupported("updateObject(int, Object, SQLType)");
    }

    @Override
    public final void updateObject(
            int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        throw unsupported("updateObject(int, Object, SQLType, int)");
    }

    @Override
    public final void updateObject(int columnIndex, Object x, int scaleOrLength)
            throws SQLException {
        throw unsupported("updateObject(int, Object, int)");
    }

    @Override
    public final void updateRef(String columnLabel, Ref x) throws SQLException {
        throw unsupported("updateRef(String, Ref)");
    }

    @Override
    public final void updateRef(int columnIndex, Ref x) throws SQLException {
        throw unsupported("updateRef(int, Ref)");
    }

    @Override
    public final void updateRowId(String columnLabel, RowId x) throws SQLException {
        throw unsupported("updateRowId(String, RowId)");
    }

    @Override
    public final void updateRowId(int columnIndex, RowId x) throws SQLException {
        throw unsupported("updateRowId(int, RowId)");
    }

    @Override
    public final void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
        throw unsupported("updateSQLXML(String, SQLXML)");
    }

    @Override
    public final void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
        throw unsupported("updateSQLXML(int, SQLXML)");
    }

    @Override
    public final void updateShort(String columnLabel, short x) throws SQLException {
        throw unsupported("updateShort(String, short)");
    }

    @Override
    public final void updateShort(int columnIndex, short x) throws SQLException {
        throw unsupported("updateShort(int, short)");
    }

    @Override
    public final void updateString(String columnLabel, String x) throws SQLException {
        throw unsupported("updateString(String, String)");
    }

    @Override
    public final void updateString(int columnIndex, String x) throws SQLException {
        throw unsupported("updateString(int, String)");
    }

    @Override
    public final void updateTime(String columnLabel, Time x) throws SQLException {
        throw unsupported("updateTime(String, Time)");
    }

    @Override
    public final void updateTime(int columnIndex, Time x) throws SQLException {
        throw unsupported("updateTime(int, Time)");
    }

    @Override
    public final void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
        throw unsupported("updateTimestamp(String, Timestamp)");
    }

    @Override
    public final void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
        throw unsupported("updateTimestamp(int, Timestamp)");
    }
}
