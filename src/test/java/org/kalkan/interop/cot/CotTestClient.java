package org.kalkan.interop.cot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;

/**
 * A minimal CoT client for tests: sends raw bytes, collects the events it receives as XML (protocol-v1 messages
 * are decoded and shown as XML too) and notices when the server closes the connection. Every message the server
 * sends is parsed by a strict XML parser (the JDK's SAX parser, DTDs refused); closing the client fails the test if
 * any was not well-formed, so every CoT test checks the node's output.
 */
public final class CotTestClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> malformed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean protobuf;
    private volatile boolean closedByServer;

    private CotTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "cot-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static CotTestClient tls(int port, TakIdentity identity) throws IOException {
        SSLSocket socket = (SSLSocket) identity.sslContext().getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        return new CotTestClient(socket);
    }

    public static CotTestClient tcp(int port) throws IOException {
        return new CotTestClient(new Socket("127.0.0.1", port));
    }

    public void send(String xml) throws IOException {
        send(xml.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Frames a TAK protocol version 1 message the way a client would. */
    public void sendProtobuf(byte[] message) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0xbf);
        int length = message.length;
        while ((length & ~0x7f) != 0) {
            frame.write((length & 0x7f) | 0x80);
            length >>>= 7;
        }
        frame.write(length);
        frame.write(message);
        send(frame.toByteArray());
    }

    public void useProtobuf() {
        protobuf = true;
    }

    /** The next received event whose XML contains {@code text}, skipping others; null after the timeout. */
    public String await(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && next.contains(text)) {
                return next;
            }
        }
        return null;
    }

    /** Everything received within the time, for asserting that something did not arrive. */
    public List<String> collect(Duration time) throws InterruptedException {
        Thread.sleep(time.toMillis());
        List<String> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    public boolean closedByServer(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!closedByServer && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return closedByServer;
    }

    private void read() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
                byte[] bytes = buffer.toByteArray();
                int consumed = protobuf ? protobufFrames(bytes) : xmlEvents(bytes);
                buffer.reset();
                buffer.write(bytes, consumed, bytes.length - consumed);
            }
        } catch (IOException e) {
            // the connection ended
        }
        closedByServer = true;
    }

    private int xmlEvents(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int consumed = 0;
        int end;
        while ((end = text.indexOf("</event>", consumed)) >= 0) {
            String event = text.substring(consumed, end + "</event>".length()).trim();
            checkWellFormed(event);
            received.add(event);
            consumed = end + "</event>".length();
            if (event.contains("t-x-takp-r") && event.contains("status=\"true\"")) {
                protobuf = true;
                return text.substring(0, consumed).getBytes(StandardCharsets.UTF_8).length
                        + protobufFrames(text.substring(consumed).getBytes(StandardCharsets.UTF_8));
            }
        }
        return text.substring(0, consumed).getBytes(StandardCharsets.UTF_8).length;
    }

    private int protobufFrames(byte[] bytes) {
        int at = 0;
        while (at < bytes.length) {
            if ((bytes[at] & 0xff) != 0xbf) {
                received.add("NOT PROTOBUF");
                return bytes.length;
            }
            int length = 0;
            int shift = 0;
            int i = at + 1;
            while (i < bytes.length) {
                int b = bytes[i++] & 0xff;
                length |= (b & 0x7f) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (i + length > bytes.length) {
                return at;
            }
            byte[] message = java.util.Arrays.copyOfRange(bytes, i, i + length);
            try {
                CotEvent event = TakProtobuf.decode(message);
                if (event != null) {
                    received.add("PROTOBUF " + CotXml.write(event, event.label()));
                }
            } catch (CotXml.Refused e) {
                malformed.add("protocol v1 message: " + e.getMessage());
                received.add("UNDECODABLE " + e.getMessage());
            }
            at = i + length;
        }
        return at;
    }

    /** How many XML messages from the server were parsed so far (each one strictly). */
    public int parsedMessages() {
        return parsed.get();
    }

    private void checkWellFormed(String xml) {
        try {
            javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                    new org.xml.sax.helpers.DefaultHandler());
            parsed.incrementAndGet();
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException | IOException e) {
            malformed.add(e.getMessage() + ": " + xml);
        }
    }

    /** Closes the connection; fails if the server sent anything that is not well-formed. */
    @Override
    public void close() throws IOException {
        socket.close();
        if (!malformed.isEmpty()) {
            throw new AssertionError("the server sent " + malformed.size() + " malformed message(s), first: "
                    + malformed.get(0));
        }
    }
}
