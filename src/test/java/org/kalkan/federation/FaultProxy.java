package org.kalkan.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-process TCP proxy between two nodes that injects faults into what passes (the kernel here has no netem):
 * a delay on every chunk, a bandwidth limit, a connection cut after a number of response bytes (mid-batch), a black
 * hole (connections accepted, nothing ever forwarded), and a response chunk replayed twice. TLS passes through
 * untouched, so the nodes' mutual TLS and pinning are exercised as they are in production. Counts the bytes each
 * way: what the link carried on the wire.
 */
final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile long delayNanos;
    private volatile long bytesPerSecond;
    private volatile long cutAfterBytes = -1;
    private volatile boolean blackHole;
    private final AtomicBoolean replayNext = new AtomicBoolean();
    private final AtomicLong cuts = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();
    private volatile boolean closed;

    FaultProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "https://127.0.0.1:" + port();
    }

    /** Every chunk either way waits this long. */
    FaultProxy delay(long millis) {
        delayNanos = millis * 1_000_000;
        return this;
    }

    /** Both directions together carry at most this many bytes a second (0: unlimited). */
    FaultProxy bandwidth(long bitsPerSecond) {
        bytesPerSecond = bitsPerSecond / 8;
        return this;
    }

    /** Every connection is cut once its responses have carried this many bytes (-1: never). */
    FaultProxy cutAfter(long bytes) {
        cutAfterBytes = bytes;
        return this;
    }

    /** Accepts connections and forwards nothing; existing connections stall too. */
    FaultProxy blackHole(boolean on) {
        blackHole = on;
        return this;
    }

    /** The next response chunk is sent twice. */
    FaultProxy replayNextResponse() {
        replayNext.set(true);
        return this;
    }

    /** No more faults; open connections are dropped so the nodes reconnect through a healthy link. */
    FaultProxy heal() {
        delayNanos = 0;
        bytesPerSecond = 0;
        cutAfterBytes = -1;
        blackHole = false;
        replayNext.set(false);
        dropConnections();
        return this;
    }

    void dropConnections() {
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    long bytesUp() {
        return bytesUp.get();
    }

    long bytesDown() {
        return bytesDown.get();
    }

    long bytes() {
        return bytesUp.get() + bytesDown.get();
    }

    long cuts() {
        return cuts.get();
    }

    long replays() {
        return replays.get();
    }

    long connections() {
        return connections.get();
    }

    void resetCounters() {
        bytesUp.set(0);
        bytesDown.set(0);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                open.add(client);
                if (blackHole) {
                    pump(client.getInputStream(), null, null, false, client, null);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                open.add(upstream);
                pump(client.getInputStream(), upstream.getOutputStream(), bytesUp, false, client, upstream);
                pump(upstream.getInputStream(), client.getOutputStream(), bytesDown, true, client, upstream);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(InputStream in, OutputStream out, AtomicLong counter, boolean response, Socket a,
            Socket b) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            long carried = 0;
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    if (out == null || blackHole) {
                        continue; // swallowed
                    }
                    if (delayNanos > 0) {
                        LockSupport.parkNanos(delayNanos);
                    }
                    long limit = cutAfterBytes;
                    if (response && limit >= 0 && carried + n > limit) {
                        int part = (int) Math.max(0, limit - carried);
                        out.write(buffer, 0, part);
                        out.flush();
                        counter.addAndGet(part);
                        cuts.incrementAndGet();
                        break;
                    }
                    write(out, buffer, n, counter);
                    carried += n;
                    if (response && replayNext.compareAndSet(true, false)) {
                        replays.incrementAndGet();
                        write(out, buffer, n, counter);
                    }
                }
            } catch (IOException e) {
                // the other side went away: close both
            } finally {
                closeQuietly(a);
                if (b != null) {
                    closeQuietly(b);
                }
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void write(OutputStream out, byte[] buffer, int n, AtomicLong counter) throws IOException {
        long rate = bytesPerSecond;
        if (rate <= 0) {
            out.write(buffer, 0, n);
            out.flush();
            counter.addAndGet(n);
            return;
        }
        // Both directions share the link: pace every slice by the bytes the link carries.
        int slice = (int) Math.max(1, Math.min(n, rate / 20));
        for (int offset = 0; offset < n; offset += slice) {
            int length = Math.min(slice, n - offset);
            out.write(buffer, offset, length);
            out.flush();
            counter.addAndGet(length);
            pace(length, rate);
        }
    }

    private final Object pacing = new Object();
    private long linkFreeAt = System.nanoTime();

    private void pace(int bytes, long rate) {
        long wait;
        synchronized (pacing) {
            long now = System.nanoTime();
            linkFreeAt = Math.max(linkFreeAt, now) + bytes * 1_000_000_000L / rate;
            wait = linkFreeAt - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropConnections();
    }
}
