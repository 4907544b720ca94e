package org.kalkan.interop.cot;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cot.CotXml.Refused;
import org.kalkan.shared.SecurityLabel;

/**
 * TAK protocol version 1 messages ({@code src/main/proto/takproto.proto}) by hand with protobuf-java's coded
 * streams. Decoding builds the event's XML from the fields and passes it through the same hardened parser as
 * XML input, so both protocols obey one set of rules. The label travels in {@code caveat} / {@code releaseableTo}.
 */
final class TakProtobuf {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private TakProtobuf() {
    }

    static byte[] encode(CotEvent event, @Nullable SecurityLabel label) {
        try {
            ByteArrayOutputStream detail = new ByteArrayOutputStream();
            CodedOutputStream d = CodedOutputStream.newInstance(detail);
            if (!event.detail().isEmpty()) {
                d.writeString(1, event.detail());
            }
            d.flush();
            ByteArrayOutputStream cot = new ByteArrayOutputStream();
            CodedOutputStream c = CodedOutputStream.newInstance(cot);
            c.writeString(1, event.type());
            c.writeString(5, event.uid());
            c.writeUInt64(6, event.time().toEpochMilli());
            c.writeUInt64(7, event.start().toEpochMilli());
            c.writeUInt64(8, event.stale().toEpochMilli());
            c.writeString(9, event.how());
            c.writeDouble(10, event.lat());
            c.writeDouble(11, event.lon());
            c.writeDouble(12, event.hae());
            c.writeDouble(13, event.ce());
            c.writeDouble(14, event.le());
            c.writeByteArray(15, detail.toByteArray());
            if (label != null) {
                c.writeString(16, label.classification().name());
                c.writeString(17, String.join(",", label.releasableTo()));
            }
            c.flush();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            CodedOutputStream m = CodedOutputStream.newInstance(message);
            m.writeByteArray(2, cot.toByteArray());
            m.flush();
            return message.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a TakMessage", e);
        }
    }

    /** A TakMessage's event within the default limits; null for a message without one (a TakControl). */
    static @Nullable CotEvent decode(byte[] message) throws Refused {
        return decode(message, CotXml.Limits.DEFAULT);
    }

    /** A TakMessage's event; null for a message without one (a TakControl). */
    static @Nullable CotEvent decode(byte[] message, CotXml.Limits limits) throws Refused {
        try {
            CodedInputStream in = CodedInputStream.newInstance(message);
            byte[] cot = null;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == 2 && WireFormat.getTagWireType(tag) == 2) {
                    cot = in.readByteArray();
                } else {
                    in.skipField(tag);
                }
            }
            return cot == null ? null : event(cot, limits);
        } catch (IOException | RuntimeException e) {
            throw new Refused("malformed", "not a TakMessage: " + e.getMessage());
        }
    }

    private static CotEvent event(byte[] bytes, CotXml.Limits limits) throws IOException, Refused {
        Map<Integer, Object> f = fields(bytes);
        StringBuilder detail = new StringBuilder();
        if (f.get(15) instanceof ByteString d) {
            Map<Integer, Object> df = fields(d.toByteArray());
            detail.append(string(df, 1));
            element(detail, df, 2, "contact", "endpoint", "callsign");
            element(detail, df, 3, "__group", "name", "role");
            element(detail, df, 4, "precisionlocation", "geopointsrc", "altsrc");
            element(detail, df, 5, "status", "battery");
            element(detail, df, 6, "takv", "device", "platform", "os", "version");
            element(detail, df, 7, "track", "speed", "course");
        }
        String xml;
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartElement("event");
            w.writeAttribute("version", "2.0");
            w.writeAttribute("uid", string(f, 5));
            w.writeAttribute("type", string(f, 1));
            w.writeAttribute("how", string(f, 9));
            w.writeAttribute("time", millis(f, 6));
            w.writeAttribute("start", millis(f, 7));
            w.writeAttribute("stale", millis(f, 8));
            w.writeEmptyElement("point");
            w.writeAttribute("lat", Double.toString(number(f, 10)));
            w.writeAttribute("lon", Double.toString(number(f, 11)));
            w.writeAttribute("hae", Double.toString(number(f, 12)));
            w.writeAttribute("ce", Double.toString(number(f, 13)));
            w.writeAttribute("le", Double.toString(number(f, 14)));
            w.writeStartElement("detail");
            w.writeCharacters(""); // closes the start tag before raw content
            w.flush();
            out.write(detail.toString());
            w.writeEndElement();
            w.writeEndElement();
            w.flush();
            xml = out.toString();
        } catch (XMLStreamException e) {
            throw new Refused("malformed", "not a CoT event: " + e.getMessage());
        }
        CotEvent event = CotXml.parse(xml.getBytes(StandardCharsets.UTF_8), limits);
        String caveat = string(f, 16);
        String releaseableTo = string(f, 17);
        if (!caveat.isEmpty() || !releaseableTo.isEmpty()) {
            event = event.withLabel(CotXml.label(caveat, releaseableTo));
        }
        return event;
    }

    /** The fields of one message: length-delimited ones as ByteString, varints as Long, doubles as Double. */
    private static Map<Integer, Object> fields(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        Map<Integer, Object> fields = new LinkedHashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int number = WireFormat.getTagFieldNumber(tag);
            switch (WireFormat.getTagWireType(tag)) {
                case WireFormat.WIRETYPE_LENGTH_DELIMITED -> fields.put(number, in.readBytes());
                case WireFormat.WIRETYPE_VARINT -> fields.put(number, in.readUInt64());
                case WireFormat.WIRETYPE_FIXED64 -> fields.put(number, in.readDouble());
                default -> in.skipField(tag);
            }
        }
        return fields;
    }

    /** A structured detail field (e.g. Contact) written as the XML element it stands for. */
    private static void element(StringBuilder out, Map<Integer, Object> detail, int field, String name,
            String... attributes) throws IOException {
        if (!(detail.get(field) instanceof ByteString bytes)) {
            return;
        }
        Map<Integer, Object> f = fields(bytes.toByteArray());
        try {
            StringWriter xml = new StringWriter();
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(xml);
            w.writeEmptyElement(name);
            for (int i = 0; i < attributes.length; i++) {
                Object value = f.get(i + 1);
                if (value != null) {
                    w.writeAttribute(attributes[i], value instanceof ByteString s ? s.toStringUtf8()
                            : String.valueOf(value));
                }
            }
            w.writeEndDocument();
            w.flush();
            out.append(xml);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static String string(Map<Integer, Object> fields, int number) {
        return fields.get(number) instanceof ByteString s ? s.toStringUtf8() : "";
    }

    private static double number(Map<Integer, Object> fields, int number) {
        return fields.get(number) instanceof Double d ? d : 0.0;
    }

    private static String millis(Map<Integer, Object> fields, int number) {
        return Instant.ofEpochMilli(fields.get(number) instanceof Long l ? l : 0L).toString();
    }
}
