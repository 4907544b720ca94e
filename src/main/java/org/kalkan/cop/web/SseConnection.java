package org.kalkan.cop.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kalkan.cop.internal.LiveStream;
import org.kalkan.cop.internal.StreamSink;

/**
 * A Server-Sent Events response written with the Servlet API's non-blocking output: no thread waits on a slow
 * client. The response ends with {@link AsyncContext#complete()}, never with an async dispatch, so the request does
 * not pass through the filters (and the security chain) a second time.
 */
final class SseConnection implements StreamSink, WriteListener, AsyncListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean listening;
    // Guarded by this: the container has ended the request (completed, failed or timed out).
    private boolean ended;
    private volatile LiveStream.@Nullable Subscription subscription;

    private SseConnection(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Starts the response and subscribes it; events flow once the container says the output is writable. */
    static void open(HttpServletRequest request, HttpServletResponse response, Duration timeout,
            Function<StreamSink, LiveStream.Subscription> subscribe) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(timeout.toMillis());
        SseConnection connection = new SseConnection(async, response.getOutputStream());
        async.addListener(connection);
        connection.subscription = subscribe.apply(connection);
        synchronized (connection) {
            // Until the listener is set the output may not be asked; the container then calls onWritePossible.
            connection.out.setWriteListener(connection);
            connection.listening = true;
        }
    }

    @Override
    public synchronized boolean ready() {
        return listening && !ended && !closed.get() && out.isReady();
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
        usable();
        out.write(bytes);
    }

    @Override
    public synchronized void flush() throws IOException {
        usable();
        out.flush();
    }

    /**
     * Once the container has ended the request it recycles the request's objects for the next connection: a late
     * write from a live-stream thread would then reach someone else's connection (and broke it in tests).
     */
    private void usable() throws IOException {
        if (ended) {
            throw new IOException("the response has ended");
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (ended || !closed.compareAndSet(false, true)) {
                return;
            }
        }
        try {
            async.complete();
        } catch (IllegalStateException | NullPointerException alreadyEnded) {
            // the container ended the request meanwhile (client gone, timeout) and recycled it
        }
    }

    @Override
    public void onWritePossible() {
        LiveStream.Subscription current = subscription;
        if (current != null) {
            current.writable();
        }
    }

    @Override
    public void onError(Throwable failure) {
        ended(true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended(false);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        ended(true);
    }

    @Override
    public void onError(AsyncEvent event) {
        ended(true);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    /**
     * The container says the request is over, on its own thread. A failed or timed-out request is completed here,
     * where the Servlet API wants it; a completed one needs nothing more.
     */
    private void ended(boolean complete) {
        // Waits for a write in progress on a live-stream thread; none starts after this.
        synchronized (this) {
            ended = true;
        }
        LiveStream.Subscription current = subscription;
        if (current != null) {
            current.ended();
        }
        if (complete && closed.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // completed by the container meanwhile
            }
        }
    }
}
