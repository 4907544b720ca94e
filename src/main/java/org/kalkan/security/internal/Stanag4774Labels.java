package org.kalkan.security.internal;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.kalkan.security.ConfidentialityLabels;
import org.kalkan.security.NodeKeys;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ConfidentialityLabels} with the JDK's DOM and XML signature (JSR 105): no DTDs, no external entities, and
 * the JDK's secure validation when a binding is checked.
 */
@Service
class Stanag4774Labels implements ConfidentialityLabels {

    static final String POLICY_URI = "urn:kalkan:policy:labels:1";
    static final String RELEASABLE_TO_URI = "urn:kalkan:category:releasable-to";
    static final String RELEASABLE_TO = "Releasable To";
    private static final String DSIG = XMLSignature.XMLNS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NodeKeys keys;

    Stanag4774Labels(NodeKeys keys) {
        this.keys = keys;
    }

    @Override
    public String xml(SecurityLabel label, Instant created) {
        Document document = newDocument();
        Element root = labelElement(document, "ConfidentialityLabel", label, created);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:slab", LABEL_NAMESPACE);
        document.appendChild(root);
        return serialize(document);
    }

    @Override
    public String json(SecurityLabel label, Instant created) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Xmlns", LABEL_NAMESPACE);
        ObjectNode information = root.putObject("ConfidentialityInformation");
        information.put("PolicyIdentifier", POLICY_IDENTIFIER);
        information.put("PolicyIdentifierURI", POLICY_URI);
        information.put("Classification", label.classification().name());
        ObjectNode category = information.putArray("Category").addObject();
        category.put("TagName", RELEASABLE_TO);
        category.put("Type", "PERMISSIVE");
        category.put("URI", RELEASABLE_TO_URI);
        ArrayNode values = category.putArray("GenericValue");
        label.releasableTo().forEach(values::add);
        root.put("CreationDateTime", seconds(created));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    @Override
    public String bind(SecurityLabel label, byte[] data, String mediaType, Instant created) {
        Document document = newDocument();
        Element root = document.createElementNS(BINDING_NAMESPACE, "mb:BindingInformation");
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:mb", BINDING_NAMESPACE);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:slab", LABEL_NAMESPACE);
        document.appendChild(root);
        Element binding = append(append(root, BINDING_NAMESPACE, "mb:MetadataBindingContainer"), BINDING_NAMESPACE,
                "mb:MetadataBinding");
        Element metadata = append(binding, BINDING_NAMESPACE, "mb:Metadata");
        metadata.setAttributeNS(null, "Id", "label");
        metadata.setIdAttributeNS(null, "Id", true);
        metadata.appendChild(labelElement(document, "originatorConfidentialityLabel", label, created));
        append(binding, BINDING_NAMESPACE, "mb:DataReference").setAttributeNS(null, "URI", "#data");
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            DigestMethod sha256 = factory.newDigestMethod(DigestMethod.SHA256, null);
            Transform c14n = factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null);
            List<Reference> references = List.of(
                    factory.newReference("#label", sha256, List.of(c14n), null, null),
                    factory.newReference("#data", sha256, List.of(c14n), null, null));
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.ECDSA_SHA256, null), references);
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(keys.certificate()))));
            XMLObject content = factory.newXMLObject(
                    List.of(new DOMStructure(document.createTextNode(Base64.getEncoder().encodeToString(data)))),
                    "data", mediaType, "http://www.w3.org/2000/09/xmldsig#base64");
            DOMSignContext context = new DOMSignContext(keys.privateKey(), root);
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo, List.of(content), null, null).sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the label binding", e);
        }
        return serialize(document);
    }

    @Override
    public boolean verify(String bindingXml) {
        try {
            Document document = parse(bindingXml);
            Element root = document.getDocumentElement();
            if (!BINDING_NAMESPACE.equals(root.getNamespaceURI())
                    || !"BindingInformation".equals(root.getLocalName())) {
                return false;
            }
            NodeList metadata = root.getElementsByTagNameNS(BINDING_NAMESPACE, "Metadata");
            NodeList signatures = root.getElementsByTagNameNS(DSIG, "Signature");
            NodeList dataReferences = root.getElementsByTagNameNS(BINDING_NAMESPACE, "DataReference");
            if (metadata.getLength() != 1 || signatures.getLength() != 1 || dataReferences.getLength() != 1
                    || !"#data".equals(((Element) dataReferences.item(0)).getAttribute("URI"))) {
                return false;
            }
            Element label = (Element) metadata.item(0);
            if (!"label".equals(label.getAttribute("Id"))) {
                return false;
            }
            DOMValidateContext context = new DOMValidateContext(keys.publicKey(), signatures.item(0));
            context.setIdAttributeNS(label, null, "Id");
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            Set<String> signed = new java.util.HashSet<>();
            for (Object reference : signature.getSignedInfo().getReferences()) {
                signed.add(((Reference) reference).getURI());
            }
            // The signature must cover exactly the label and the data the binding names, nothing else.
            return signed.equals(Set.of("#label", "#data")) && signature.getObjects().size() == 1
                    && "data".equals(((XMLObject) signature.getObjects().get(0)).getId())
                    && signature.validate(context);
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            return false;
        }
    }

    private static Element labelElement(Document document, String name, SecurityLabel label, Instant created) {
        Element root = document.createElementNS(LABEL_NAMESPACE, "slab:" + name);
        Element information = append(root, LABEL_NAMESPACE, "slab:ConfidentialityInformation");
        Element policy = append(information, LABEL_NAMESPACE, "slab:PolicyIdentifier");
        policy.setAttributeNS(null, "URI", POLICY_URI);
        policy.setTextContent(POLICY_IDENTIFIER);
        append(information, LABEL_NAMESPACE, "slab:Classification").setTextContent(label.classification().name());
        Element category = append(information, LABEL_NAMESPACE, "slab:Category");
        category.setAttributeNS(null, "TagName", RELEASABLE_TO);
        category.setAttributeNS(null, "Type", "PERMISSIVE");
        category.setAttributeNS(null, "URI", RELEASABLE_TO_URI);
        for (String entry : label.releasableTo()) {
            append(category, LABEL_NAMESPACE, "slab:GenericValue").setTextContent(entry);
        }
        append(root, LABEL_NAMESPACE, "slab:CreationDateTime").setTextContent(seconds(created));
        return root;
    }

    private static Element append(Element parent, String namespace, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder();
    }

    private static Document newDocument() {
        try {
            return builder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilder builder = builder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("not a well-formed binding: " + e.getMessage(), e);
        }
    }

    private static String serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

}
