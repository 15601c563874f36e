package cn.jiaozuo.biodiversity.patrol.api;

import io.jenetics.jpx.XMLProvider;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;

/**
 * The XML parsers jpx reads uploaded GPX files with, without DTDs or external entities: a file is untrusted input,
 * and the JDK's defaults would resolve {@code <!ENTITY x SYSTEM "file:///etc/passwd">} or expand a billion laughs.
 * A GPX file needs neither. Installed through {@code META-INF/services/io.jenetics.jpx.XMLProvider}.
 */
public class SafeXmlProvider extends XMLProvider {

    /**
     * jpx asks for a factory for every {@code <extensions>} element (a Garmin file has one per track point), and
     * {@code DocumentBuilderFactory.newInstance()} searches the class path each time. One configured factory per
     * thread (factories are not promised to be thread-safe) saves that; likewise the stream factory.
     */
    private static final ThreadLocal<DocumentBuilderFactory> DOCUMENTS = ThreadLocal.withInitial(SafeXmlProvider::documents);
    private static final ThreadLocal<XMLInputFactory> STREAMS = ThreadLocal.withInitial(SafeXmlProvider::streams);

    @Override
    public XMLInputFactory xmlInputFactory() {
        return STREAMS.get();
    }

    @Override
    public DocumentBuilderFactory documentBuilderFactory() {
        return DOCUMENTS.get();
    }

    private static XMLInputFactory streams() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static DocumentBuilderFactory documents() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setIgnoringElementContentWhitespace(true);
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a standard feature", e);
        }
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
