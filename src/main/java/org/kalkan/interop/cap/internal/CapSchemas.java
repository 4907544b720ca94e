package org.kalkan.interop.cap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException.Violation;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * The OASIS schemas shipped with the node ({@code classpath:cap/}, see {@code SOURCES.md}): CAP 1.2 and EDXL-DE 1.0.
 * Neither the schemas nor the validator may fetch anything. Every schema error is reported with the path of the
 * element it is about, so a sender reads where the message broke the schema.
 */
final class CapSchemas {

    private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";
    private static final Schema CAP12 = load("cap/cap12.xsd");
    private static final Schema EDXLDE = load("cap/edxlde-1_0.xsd");

    private CapSchemas() {
    }

    private static Schema load(String resource) {
        URL url = CapSchemas.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema missing from the classpath: " + resource);
        }
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, url.toExternalForm()));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load schema " + resource, e);
        }
    }

    /** Violations of cap12.xsd by a CAP 1.2 alert (its own document); {@code prefix} goes before every path. */
    public static List<Violation> validateCap(Document alert, String prefix) {
        return validate(CAP12, alert, prefix);
    }

    /** Violations of edxlde-1_0.xsd by an envelope; its embedded content is checked separately. */
    public static List<Violation> validateEdxlDe(Document envelope) {
        return validate(EDXLDE, envelope, "");
    }

    private static List<Violation> validate(Schema schema, Document document, String prefix) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's validator cannot be hardened", e);
        }
        List<Violation> violations = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings are not violations
            }

            @Override
            public void error(SAXParseException e) {
                violations.add(new Violation(prefix + CapXml.path(current(validator)), message(e)));
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            violations.add(new Violation(prefix + "/", "schema: " + e.getMessage()));
        }
        return violations;
    }

    /** The validator's message without namespace URIs: {@code One of 'source, scope' is expected}. */
    static String message(SAXParseException e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\{?\"[^\"]*\":", "").replace("}'", "'")
                .replace("'{", "'");
        return "schema: " + message;
    }

    private static @Nullable Node current(Validator validator) {
        try {
            return (Node) validator.getProperty(CURRENT_NODE);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            return null;
        }
    }
}
