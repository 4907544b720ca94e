package org.kalkan.cop.internal;

import java.io.IOException;

/**
 * A subscriber's connection, written without blocking: the live stream writes only while {@link #ready()}, and when
 * it is not, the connection tells the subscription {@link LiveStream.Subscription#writable()} once it can take more.
 * Only one thread writes at a time.
 */
public interface StreamSink {

    /** Whether a write now would not block. */
    boolean ready();

    void write(byte[] bytes) throws IOException;

    void flush() throws IOException;

    /** Ends the response; the client may connect again (and then reloads what it shows). */
    void close();
}
