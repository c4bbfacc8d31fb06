package io.github.jdbcv2.postgres.source;

import org.apache.flink.annotation.Internal;

import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The {@link ResultSet} methods that rows read through binary COPY do not offer (updates,
 * scrolling, streams, LOBs, arrays...): each throws a {@link SQLFeatureNotSupportedException} that
 * names the method and says how to read through a cursor instead.
 */
@Internal
@SuppressWarnings("deprecation")
abstract class UnsupportedResultSetMethods implements ResultSet {

    static final String HINT =
            "rows read through PostgreSQL's binary COPY support the getters of common types; "
                    + "call JdbcSourceBuilder.setBulkReadEnabled(false) to read through a JDBC cursor";

    static SQLFeatureNotSupportedException unsupported(String method) {
        return new SQLFeatureNotSupportedException("ResultSet." + method + " is not supported: " + HINT);
    }

    @Override
    public final boolean absolute(int row) throws java.sql.SQLException {
        throw unsupported("absolute(int)");
    }

    @Override
    public final void afterLast() throws java.sql.SQLException {
        throw unsupported("afterLast()");
    }

    @Override
    public final void beforeFirst() throws java.sql.SQLException {
        throw unsupported("beforeFirst()");
    }

    @Override
    public final void cancelRowUpdates() throws java.sql.SQLException {
        throw unsupported("cancelRowUpdates()");
    }

    @Override
    public final void deleteRow() throws java.sql.SQLException {
        throw unsupported("deleteRow()");
    }

    @Override
    public final boolean first() throws java.sql.SQLException {
        throw unsupported("first()");
    }

    @Override
    public final java.sql.Array getArray(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getArray(String)");
    }

    @Override
    public final java.sql.Array getArray(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getArray(int)");
    }

    @Override
    public final java.io.InputStream getAsciiStream(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getAsciiStream(String)");
    }

    @Override
    public final java.io.InputStream getAsciiStream(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getAsciiStream(int)");
    }

    @Override
    public final java.io.InputStream getBinaryStream(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getBinaryStream(String)");
    }

    @Override
    public final java.io.InputStream getBinaryStream(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getBinaryStream(int)");
    }

    @Override
    public final java.sql.Blob getBlob(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getBlob(String)");
    }

    @Override
    public final java.sql.Blob getBlob(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getBlob(int)");
    }

    @Override
    public final java.io.Reader getCharacterStream(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getCharacterStream(String)");
    }

    @Override
    public final java.io.Reader getCharacterStream(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getCharacterStream(int)");
    }

    @Override
    public final java.sql.Clob getClob(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getClob(String)");
    }

    @Override
    public final java.sql.Clob getClob(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getClob(int)");
    }

    @Override
    public final String getCursorName() throws java.sql.SQLException {
        throw unsupported("getCursorName()");
    }

    @Override
    public final java.io.Reader getNCharacterStream(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getNCharacterStream(String)");
    }

    @Override
    public final java.io.Reader getNCharacterStream(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getNCharacterStream(int)");
    }

    @Override
    public final java.sql.NClob getNClob(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getNClob(String)");
    }

    @Override
    public final java.sql.NClob getNClob(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getNClob(int)");
    }

    @Override
    public final String getNString(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getNString(String)");
    }

    @Override
    public final String getNString(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getNString(int)");
    }

    @Override
    public final java.sql.Ref getRef(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getRef(String)");
    }

    @Override
    public final java.sql.Ref getRef(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getRef(int)");
    }

    @Override
    public final java.sql.RowId getRowId(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getRowId(String)");
    }

    @Override
    public final java.sql.RowId getRowId(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getRowId(int)");
    }

    @Override
    public final java.sql.SQLXML getSQLXML(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getSQLXML(String)");
    }

    @Override
    public final java.sql.SQLXML getSQLXML(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getSQLXML(int)");
    }

    @Override
    public final java.net.URL getURL(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getURL(String)");
    }

    @Override
    public final java.net.URL getURL(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getURL(int)");
    }

    @Override
    public final java.io.InputStream getUnicodeStream(String columnLabel) throws java.sql.SQLException {
        throw unsupported("getUnicodeStream(String)");
    }

    @Override
    public final java.io.InputStream getUnicodeStream(int columnIndex) throws java.sql.SQLException {
        throw unsupported("getUnicodeStream(int)");
    }

    @Override
    public final void insertRow() throws java.sql.SQLException {
        throw unsupported("insertRow()");
    }

    @Override
    public final boolean isLast() throws java.sql.SQLException {
        throw unsupported("isLast()");
    }

    @Override
    public final boolean last() throws java.sql.SQLException {
        throw unsupported("last()");
    }

    @Override
    public final void moveToCurrentRow() throws java.sql.SQLException {
        throw unsupported("moveToCurrentRow()");
    }

    @Override
    public final void moveToInsertRow() throws java.sql.SQLException {
        throw unsupported("moveToInsertRow()");
    }

    @Override
    public final boolean previous() throws java.sql.SQLException {
        throw unsupported("previous()");
    }

    @Override
    public final void refreshRow() throws java.sql.SQLException {
        throw unsupported("refreshRow()");
    }

    @Override
    public final boolean relative(int rows) throws java.sql.SQLException {
        throw unsupported("relative(int)");
    }

    @Override
    public final boolean rowDeleted() throws java.sql.SQLException {
        throw unsupported("rowDeleted()");
    }

    @Override
    public final boolean rowInserted() throws java.sql.SQLException {
        throw unsupported("rowInserted()");
    }

    @Override
    public final boolean rowUpdated() throws java.sql.SQLException {
        throw unsupported("rowUpdated()");
    }

    @Override
    public void setFetchDirection(int direction) throws java.sql.SQLException {
        throw unsupported("setFetchDirection(int)");
    }

    @Override
    public final void updateArray(String columnLabel, java.sql.Array x) throws java.sql.SQLException {
        throw unsupported("updateArray(String, Array)");
    }

    @Override
    public final void updateArray(int columnIndex, java.sql.Array x) throws java.sql.SQLException {
        throw unsupported("updateArray(int, Array)");
    }

    @Override
    public final void updateAsciiStream(String columnLabel, java.io.InputStream x) throws java.sql.SQLException {
        throw unsupported("updateAsciiStream(String, InputStream)");
    }

    @Override
    public final void updateAsciiStream(String columnLabel, java.io.InputStream x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateAsciiStream(String, InputStream, int)");
    }

    @Override
    public final void updateAsciiStream(String columnLabel, java.io.InputStream x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateAsciiStream(String, InputStream, long)");
    }

    @Override
    public final void updateAsciiStream(int columnIndex, java.io.InputStream x) throws java.sql.SQLException {
        throw unsupported("updateAsciiStream(int, InputStream)");
    }

    @Override
    public final void updateAsciiStream(int columnIndex, java.io.InputStream x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateAsciiStream(int, InputStream, int)");
    }

    @Override
    public final void updateAsciiStream(int columnIndex, java.io.InputStream x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateAsciiStream(int, InputStream, long)");
    }

    @Override
    public final void updateBigDecimal(String columnLabel, java.math.BigDecimal x) throws java.sql.SQLException {
        throw unsupported("updateBigDecimal(String, BigDecimal)");
    }

    @Override
    public final void updateBigDecimal(int columnIndex, java.math.BigDecimal x) throws java.sql.SQLException {
        throw unsupported("updateBigDecimal(int, BigDecimal)");
    }

    @Override
    public final void updateBinaryStream(String columnLabel, java.io.InputStream x) throws java.sql.SQLException {
        throw unsupported("updateBinaryStream(String, InputStream)");
    }

    @Override
    public final void updateBinaryStream(String columnLabel, java.io.InputStream x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateBinaryStream(String, InputStream, int)");
    }

    @Override
    public final void updateBinaryStream(String columnLabel, java.io.InputStream x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateBinaryStream(String, InputStream, long)");
    }

    @Override
    public final void updateBinaryStream(int columnIndex, java.io.InputStream x) throws java.sql.SQLException {
        throw unsupported("updateBinaryStream(int, InputStream)");
    }

    @Override
    public final void updateBinaryStream(int columnIndex, java.io.InputStream x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateBinaryStream(int, InputStream, int)");
    }

    @Override
    public final void updateBinaryStream(int columnIndex, java.io.InputStream x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateBinaryStream(int, InputStream, long)");
    }

    @Override
    public final void updateBlob(String columnLabel, java.sql.Blob x) throws java.sql.SQLException {
        throw unsupported("updateBlob(String, Blob)");
    }

    @Override
    public final void updateBlob(String columnLabel, java.io.InputStream x) throws java.sql.SQLException {
        throw unsupported("updateBlob(String, InputStream)");
    }

    @Override
    public final void updateBlob(String columnLabel, java.io.InputStream x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateBlob(String, InputStream, long)");
    }

    @Override
    public final void updateBlob(int columnIndex, java.sql.Blob x) throws java.sql.SQLException {
        throw unsupported("updateBlob(int, Blob)");
    }

    @Override
    public final void updateBlob(int columnIndex, java.io.InputStream x) throws java.sql.SQLException {
        throw unsupported("updateBlob(int, InputStream)");
    }

    @Override
    public final void updateBlob(int columnIndex, java.io.InputStream x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateBlob(int, InputStream, long)");
    }

    @Override
    public final void updateBoolean(String columnLabel, boolean x) throws java.sql.SQLException {
        throw unsupported("updateBoolean(String, boolean)");
    }

    @Override
    public final void updateBoolean(int columnIndex, boolean x) throws java.sql.SQLException {
        throw unsupported("updateBoolean(int, boolean)");
    }

    @Override
    public final void updateByte(String columnLabel, byte x) throws java.sql.SQLException {
        throw unsupported("updateByte(String, byte)");
    }

    @Override
    public final void updateByte(int columnIndex, byte x) throws java.sql.SQLException {
        throw unsupported("updateByte(int, byte)");
    }

    @Override
    public final void updateBytes(String columnLabel, byte[] x) throws java.sql.SQLException {
        throw unsupported("updateBytes(String, byte[])");
    }

    @Override
    public final void updateBytes(int columnIndex, byte[] x) throws java.sql.SQLException {
        throw unsupported("updateBytes(int, byte[])");
    }

    @Override
    public final void updateCharacterStream(String columnLabel, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateCharacterStream(String, Reader)");
    }

    @Override
    public final void updateCharacterStream(String columnLabel, java.io.Reader x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateCharacterStream(String, Reader, int)");
    }

    @Override
    public final void updateCharacterStream(String columnLabel, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateCharacterStream(String, Reader, long)");
    }

    @Override
    public final void updateCharacterStream(int columnIndex, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateCharacterStream(int, Reader)");
    }

    @Override
    public final void updateCharacterStream(int columnIndex, java.io.Reader x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateCharacterStream(int, Reader, int)");
    }

    @Override
    public final void updateCharacterStream(int columnIndex, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateCharacterStream(int, Reader, long)");
    }

    @Override
    public final void updateClob(String columnLabel, java.sql.Clob x) throws java.sql.SQLException {
        throw unsupported("updateClob(String, Clob)");
    }

    @Override
    public final void updateClob(String columnLabel, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateClob(String, Reader)");
    }

    @Override
    public final void updateClob(String columnLabel, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateClob(String, Reader, long)");
    }

    @Override
    public final void updateClob(int columnIndex, java.sql.Clob x) throws java.sql.SQLException {
        throw unsupported("updateClob(int, Clob)");
    }

    @Override
    public final void updateClob(int columnIndex, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateClob(int, Reader)");
    }

    @Override
    public final void updateClob(int columnIndex, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateClob(int, Reader, long)");
    }

    @Override
    public final void updateDate(String columnLabel, java.sql.Date x) throws java.sql.SQLException {
        throw unsupported("updateDate(String, Date)");
    }

    @Override
    public final void updateDate(int columnIndex, java.sql.Date x) throws java.sql.SQLException {
        throw unsupported("updateDate(int, Date)");
    }

    @Override
    public final void updateDouble(String columnLabel, double x) throws java.sql.SQLException {
        throw unsupported("updateDouble(String, double)");
    }

    @Override
    public final void updateDouble(int columnIndex, double x) throws java.sql.SQLException {
        throw unsupported("updateDouble(int, double)");
    }

    @Override
    public final void updateFloat(String columnLabel, float x) throws java.sql.SQLException {
        throw unsupported("updateFloat(String, float)");
    }

    @Override
    public final void updateFloat(int columnIndex, float x) throws java.sql.SQLException {
        throw unsupported("updateFloat(int, float)");
    }

    @Override
    public final void updateInt(String columnLabel, int x) throws java.sql.SQLException {
        throw unsupported("updateInt(String, int)");
    }

    @Override
    public final void updateInt(int columnIndex, int x) throws java.sql.SQLException {
        throw unsupported("updateInt(int, int)");
    }

    @Override
    public final void updateLong(String columnLabel, long x) throws java.sql.SQLException {
        throw unsupported("updateLong(String, long)");
    }

    @Override
    public final void updateLong(int columnIndex, long x) throws java.sql.SQLException {
        throw unsupported("updateLong(int, long)");
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateNCharacterStream(String, Reader)");
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateNCharacterStream(String, Reader, long)");
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateNCharacterStream(int, Reader)");
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateNCharacterStream(int, Reader, long)");
    }

    @Override
    public final void updateNClob(String columnLabel, java.sql.NClob x) throws java.sql.SQLException {
        throw unsupported("updateNClob(String, NClob)");
    }

    @Override
    public final void updateNClob(String columnLabel, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateNClob(String, Reader)");
    }

    @Override
    public final void updateNClob(String columnLabel, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateNClob(String, Reader, long)");
    }

    @Override
    public final void updateNClob(int columnIndex, java.sql.NClob x) throws java.sql.SQLException {
        throw unsupported("updateNClob(int, NClob)");
    }

    @Override
    public final void updateNClob(int columnIndex, java.io.Reader x) throws java.sql.SQLException {
        throw unsupported("updateNClob(int, Reader)");
    }

    @Override
    public final void updateNClob(int columnIndex, java.io.Reader x, long lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateNClob(int, Reader, long)");
    }

    @Override
    public final void updateNString(String columnLabel, String x) throws java.sql.SQLException {
        throw unsupported("updateNString(String, String)");
    }

    @Override
    public final void updateNString(int columnIndex, String x) throws java.sql.SQLException {
        throw unsupported("updateNString(int, String)");
    }

    @Override
    public final void updateNull(String columnLabel) throws java.sql.SQLException {
        throw unsupported("updateNull(String)");
    }

    @Override
    public final void updateNull(int columnIndex) throws java.sql.SQLException {
        throw unsupported("updateNull(int)");
    }

    @Override
    public final void updateObject(String columnLabel, Object x) throws java.sql.SQLException {
        throw unsupported("updateObject(String, Object)");
    }

    @Override
    public final void updateObject(String columnLabel, Object x, java.sql.SQLType lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateObject(String, Object, SQLType)");
    }

    @Override
    public final void updateObject(String columnLabel, Object x, java.sql.SQLType lengthOrType, int scaleOrLength) throws java.sql.SQLException {
        throw unsupported("updateObject(String, Object, SQLType, int)");
    }

    @Override
    public final void updateObject(String columnLabel, Object x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateObject(String, Object, int)");
    }

    @Override
    public final void updateObject(int columnIndex, Object x) throws java.sql.SQLException {
        throw unsupported("updateObject(int, Object)");
    }

    @Override
    public final void updateObject(int columnIndex, Object x, java.sql.SQLType lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateObject(int, Object, SQLType)");
    }

    @Override
    public final void updateObject(int columnIndex, Object x, java.sql.SQLType lengthOrType, int scaleOrLength) throws java.sql.SQLException {
        throw unsupported("updateObject(int, Object, SQLType, int)");
    }

    @Override
    public final void updateObject(int columnIndex, Object x, int lengthOrType) throws java.sql.SQLException {
        throw unsupported("updateObject(int, Object, int)");
    }

    @Override
    public final void updateRef(String columnLabel, java.sql.Ref x) throws java.sql.SQLException {
        throw unsupported("updateRef(String, Ref)");
    }

    @Override
    public final void updateRef(int columnIndex, java.sql.Ref x) throws java.sql.SQLException {
        throw unsupported("updateRef(int, Ref)");
    }

    @Override
    public final void updateRow() throws java.sql.SQLException {
        throw unsupported("updateRow()");
    }

    @Override
    public final void updateRowId(String columnLabel, java.sql.RowId x) throws java.sql.SQLException {
        throw unsupported("updateRowId(String, RowId)");
    }

    @Override
    public final void updateRowId(int columnIndex, java.sql.RowId x) throws java.sql.SQLException {
        throw unsupported("updateRowId(int, RowId)");
    }

    @Override
    public final void updateSQLXML(String columnLabel, java.sql.SQLXML x) throws java.sql.SQLException {
        throw unsupported("updateSQLXML(String, SQLXML)");
    }

    @Override
    public final void updateSQLXML(int columnIndex, java.sql.SQLXML x) throws java.sql.SQLException {
        throw unsupported("updateSQLXML(int, SQLXML)");
    }

    @Override
    public final void updateShort(String columnLabel, short x) throws java.sql.SQLException {
        throw unsupported("updateShort(String, short)");
    }

    @Override
    public final void updateShort(int columnIndex, short x) throws java.sql.SQLException {
        throw unsupported("updateShort(int, short)");
    }

    @Override
    public final void updateString(String columnLabel, String x) throws java.sql.SQLException {
        throw unsupported("updateString(String, String)");
    }

    @Override
    public final void updateString(int columnIndex, String x) throws java.sql.SQLException {
        throw unsupported("updateString(int, String)");
    }

    @Override
    public final void updateTime(String columnLabel, java.sql.Time x) throws java.sql.SQLException {
        throw unsupported("updateTime(String, Time)");
    }

    @Override
    public final void updateTime(int columnIndex, java.sql.Time x) throws java.sql.SQLException {
        throw unsupported("updateTime(int, Time)");
    }

    @Override
    public final void updateTimestamp(String columnLabel, java.sql.Timestamp x) throws java.sql.SQLException {
        throw unsupported("updateTimestamp(String, Timestamp)");
    }

    @Override
    public final void updateTimestamp(int columnIndex, java.sql.Timestamp x) throws java.sql.SQLException {
        throw unsupported("updateTimestamp(int, Timestamp)");
    }
}
