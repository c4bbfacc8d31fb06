package io.github.jdbcv2.dsql.emulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of PostgreSQL that behaves like DSQL's front end where connections
 * are concerned: it closes connections older than a maximum age (DSQL's 60 minutes, scaled down)
 * and can cut connections on demand or at random. Binds 127.0.0.1 only.
 */
public final class DsqlEmulatorProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DsqlEmulatorProxy.class);
    private static final long REAPER_PERIOD_MS = 50;

    private final InetSocketAddress target;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final ScheduledExecutorService reaper;
    private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
    private final Random random;

    private volatile long maxAgeNanos;
    private volatile double randomCutsPerSecond;
    private volatile boolean closed;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong closedByAge = new AtomicLong();
    private final AtomicLong cutOnDemand = new AtomicLong();
    private final AtomicLong cutAtRandom = new AtomicLong();

    DsqlEmulatorProxy(InetSocketAddress target, Duration maxConnectionAge, long randomSeed)
            throws IOException {
        this.target = target;
        this.maxAgeNanos = maxConnectionAge.toNanos();
        this.random = new Random(randomSeed);
        this.serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "dsql-emulator-proxy-accept-" + getPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
        this.reaper =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "dsql-emulator-proxy-reaper");
                            t.setDaemon(true);
                            return t;
                        });
        this.reaper.scheduleAtFixedRate(
                this::reap, REAPER_PERIOD_MS, REAPER_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** The loopback port clients connect to. */
    public int getPort() {
        return serverSocket.getLocalPort();
    }

    /** Connections older than this are closed by the proxy, as DSQL closes them at 60 minutes. */
    public void setMaxConnectionAge(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    public Duration getMaxConnectionAge() {
        return Duration.ofNanos(maxAgeNanos);
    }

    /**
     * On average this many open connections are cut per second, chosen at random (0 turns it off).
     */
    public void setRandomCutsPerSecond(double cutsPerSecond) {
        this.randomCutsPerSecond = cutsPerSecond;
    }

    /** Cuts every open connection now; returns how many. */
    public int cutAll() {
        int n = 0;
        for (ProxiedConnection c : new ArrayList<>(open)) {
            if (c.close()) {
                n++;
            }
        }
        cutOnDemand.addAndGet(n);
        return n;
    }

    /** Cuts one open connection chosen at random; false when none is open. */
    public boolean cutOne() {
        ProxiedConnection victim = pickRandom();
        if (victim != null && victim.close()) {
            cutOnDemand.incrementAndGet();
            return true;
        }
        return false;
    }

    public int getOpenConnections() {
        return open.size();
    }

    public long getConnectionsAccepted() {
        return accepted.get();
    }

    public long getConnectionsClosedByAge() {
        return closedByAge.get();
    }

    public long getConnectionsCutOnDemand() {
        return cutOnDemand.get();
    }

    public long getConnectionsCutAtRandom() {
        return cutAtRandom.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("DSQL emulator proxy stopped accepting: {}", e.toString());
                }
                return;
            }
            try {
                Socket server = new Socket();
                server.connect(target, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                ProxiedConnection c = new ProxiedConnection(client, server);
                open.add(c);
                accepted.incrementAndGet();
                c.start();
            } catch (IOException e) {
                LOG.warn("DSQL emulator proxy could not reach PostgreSQL: {}", e.toString());
                closeQuietly(client);
            }
        }
    }

    private void reap() {
        long now = System.nanoTime();
        long maxAge = maxAgeNanos;
        for (ProxiedConnection c : new ArrayList<>(open)) {
            if (now - c.openedAt >= maxAge && c.close()) {
                closedByAge.incrementAndGet();
            }
        }
        double rate = randomCutsPerSecond;
        if (rate > 0 && nextRandomDouble() < rate * REAPER_PERIOD_MS / 1000.0) {
            ProxiedConnection victim = pickRandom();
            if (victim != null && victim.close()) {
                cutAtRandom.incrementAndGet();
            }
        }
    }

    private double nextRandomDouble() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private ProxiedConnection pickRandom() {
        List<ProxiedConnection> candidates = new ArrayList<>(open);
        if (candidates.isEmpty()) {
            return null;
        }
        synchronized (random) {
            return candidates.get(random.nextInt(candidates.size()));
        }
    }

    @Override
    public void close() {
        closed = true;
        reaper.shutdownNow();
        closeQuietly(serverSocket);
        for (ProxiedConnection c : new ArrayList<>(open)) {
            c.close();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("Closing {} failed: {}", c, e.toString());
        }
    }

    /** One client connection and its PostgreSQL counterpart, pumped by two threads. */
    private final class ProxiedConnection {
        final Socket client;
        final Socket server;
        final long openedAt = System.nanoTime();
        private boolean done;

        ProxiedConnection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            startPump(client.getInputStream(), server.getOutputStream(), "up");
            startPump(server.getInputStream(), client.getOutputStream(), "down");
        }

        private void startPump(InputStream in, OutputStream out, String direction) {
            Thread t =
                    new Thread(
                            () -> pump(in, out),
                            "dsql-emulator-proxy-" + direction + "-" + client.getPort());
            t.setDaemon(true);
            t.start();
        }

        private void pump(InputStream in, OutputStream out) {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // Closed by the other side or by the proxy.
            } catch (IOException e) {
                LOG.debug("Proxy pump ended: {}", e.toString());
            } finally {
                close();
            }
        }

        /** Closes both sides; true for the call that actually closed it. */
        boolean close() {
            synchronized (this) {
                if (done) {
                    return false;
                }
                done = true;
            }
            open.remove(this);
            closeQuietly(client);
            closeQuietly(server);
            return true;
        }
    }
}
