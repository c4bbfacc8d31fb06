package io.github.jdbcv2.sink.xa;

import io.github.jdbcv2.dialect.JdbcXaDialect;

import org.apache.flink.annotation.Internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.annotation.Nullable;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One XA connection: its resource for transaction control, its SQL connection for the writes, and
 * the XA specifics of the database behind it.
 */
@Internal
public final class XaSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XaSession.class);

    private final XAConnection xaConnection;
    private final XAResource resource;
    private final Connection connection;
    @Nullable private final JdbcXaDialect dialect;

    private XaSession(XAConnection xaConnection) throws SQLException {
        this.xaConnection = xaConnection;
        this.resource = xaConnection.getXAResource();
        this.connection = xaConnection.getConnection();
        this.dialect = XaDialects.of(connection);
    }

    /** Opens a fresh XA connection (closed again if it cannot be set up). */
    public static XaSession open(XADataSource dataSource) throws SQLException {
        XAConnection xaConnection = dataSource.getXAConnection();
        try {
            return new XaSession(xaConnection);
        } catch (SQLException | RuntimeException e) {
            try {
                xaConnection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The XA specifics of the database's dialect ({@link XaDialects#of}), or null for none. */
    @Nullable
    public JdbcXaDialect dialect() {
        return dialect;
    }

    /** {@code xid} as the database names it, for messages ({@link XaDialects#describe}). */
    public String describe(Xid xid) {
        return XaDialects.describe(dialect, xid);
    }

    public XAResource resource() {
        return resource;
    }

    public Connection connection() {
        return connection;
    }

    /** Every prepared transaction of ours the database knows (any job). */
    public List<JdbcXid> recoverOurs() throws XAException {
        Xid[] all = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        List<JdbcXid> ours = new ArrayList<>();
        if (all != null) {
            for (Xid xid : all) {
                JdbcXid parsed = JdbcXid.parse(xid);
                if (parsed != null) {
                    ours.add(parsed);
                }
            }
        }
        return ours;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing an XA session's connection failed (SQLSTATE {})", e.getSQLState());
        }
        try {
            xaConnection.close();
        } catch (SQLException e) {
            LOG.debug("Closing an XA connection failed (SQLSTATE {})", e.getSQLState());
        }
    }

    /** A readable name of an {@link XAException} error code. */
    public static String describe(XAException e) {
        switch (e.errorCode) {
            case XAException.XAER_NOTA:
                return "XAER_NOTA (unknown transaction)";
            case XAException.XAER_RMFAIL:
                return "XAER_RMFAIL (resource manager unavailable)";
            case XAException.XAER_RMERR:
                return "XAER_RMERR (resource manager error)";
            case XAException.XAER_PROTO:
                return "XAER_PROTO (protocol error)";
            case XAException.XAER_INVAL:
                return "XAER_INVAL (invalid arguments)";
            case XAException.XAER_DUPID:
                return "XAER_DUPID (duplicate transaction id)";
            default:
                return "XA error code " + e.errorCode;
        }
    }
}
