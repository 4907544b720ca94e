package org.kalkan.federation.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.kalkan.federation.FederationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes of a batch or an acknowledgement, on the wire and in a file alike: {@code KFB1}, the length of the
 * sender's detached JWS (two bytes), the JWS, then the gzip-compressed JSON it signs. Reading refuses whatever is
 * not such a file, and stops inflating at {@code max-batch-bytes}.
 */
@Component
public class BatchCodec {

    public static final String MEDIA_TYPE = "application/vnd.kalkan.federation-batch";
    public static final String BATCH = "batch";
    public static final String ACK = "ack";
    private static final byte[] MAGIC = "KFB1".getBytes(StandardCharsets.US_ASCII);

    /** The signature and the signed (compressed) body of an envelope. */
    public record Envelope(String signature, byte[] body) {
    }

    /** What an acknowledgement says: the cursor its sender now holds. */
    public record Acknowledgement(String cursor) {
    }

    private final JsonMapper json;
    private final Signing signing;
    private final long maxBytes;
    private final String self;

    BatchCodec(JsonMapper json, Signing signing, FederationProperties properties) {
        this.json = json;
        this.signing = signing;
        this.maxBytes = properties.maxBatchBytes();
        this.self = properties.nodeId();
    }

    /** This node's id, the destination every batch it reads must name. */
    public String self() {
        return self;
    }

    public byte[] write(Batch batch) {
        return seal(gzip(json.writeValueAsBytes(batch)), batch.to(), BATCH);
    }

    public byte[] writeAcknowledgement(String to, String cursor) {
        return seal(gzip(json.writeValueAsBytes(new Acknowledgement(cursor))), to, ACK);
    }

    public Envelope open(byte[] bytes) {
        if (bytes.length < MAGIC.length + 2 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new BatchRefusedException("not a Kalkan federation batch (no KFB1 signature block)");
        }
        int length = ByteBuffer.wrap(bytes, MAGIC.length, 2).getShort() & 0xffff;
        int bodyStart = MAGIC.length + 2 + length;
        if (length == 0 || bodyStart > bytes.length) {
            throw new BatchRefusedException("the batch has no signature");
        }
        String signature = new String(bytes, MAGIC.length + 2, length, StandardCharsets.US_ASCII);
        return new Envelope(signature, Arrays.copyOfRange(bytes, bodyStart, bytes.length));
    }

    public Batch readBatch(byte[] body) {
        try {
            return json.readValue(gunzip(body), Batch.class);
        } catch (JacksonException e) {
            throw new BatchRefusedException("the batch is not well formed: " + e.getOriginalMessage(), e);
        }
    }

    public Acknowledgement readAcknowledgement(byte[] body) {
        try {
            return json.readValue(gunzip(body), Acknowledgement.class);
        } catch (JacksonException e) {
            throw new BatchRefusedException("the acknowledgement is not well formed: " + e.getOriginalMessage(), e);
        }
    }

    private byte[] seal(byte[] body, String to, String kind) {
        byte[] signature = signing.signDetached(body, to, kind).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + signature.length + body.length);
        out.put(MAGIC).putShort((short) signature.length).put(signature).put(body);
        return out.array();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16_384];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > maxBytes) {
                    throw new BatchRefusedException("the batch inflates beyond " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BatchRefusedException("the batch is not gzip-compressed: " + e.getMessage(), e);
        }
    }
}
