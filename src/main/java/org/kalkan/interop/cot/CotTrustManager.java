package org.kalkan.interop.cot;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.kalkan.security.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * Accepts client certificates issued by the node's CA that are not revoked: a revoked certificate fails the TLS
 * handshake itself (audited). The server authenticates no servers, so the server-side checks refuse everything.
 */
@Component
class CotTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager ca;
    private final CotCertificates certificates;
    private final AuditTrail audit;

    CotTrustManager(CertificateAuthority authority, CotCertificates certificates, AuditTrail audit)
            throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("kalkan-ca", authority.caCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        this.ca = (X509ExtendedTrustManager) factory.getTrustManagers()[0];
        this.certificates = certificates;
        this.audit = audit;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        ca.checkClientTrusted(chain, authType, engine);
        checkNotRevoked(chain[0]);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        ca.checkClientTrusted(chain, authType, socket);
        checkNotRevoked(chain[0]);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        ca.checkClientTrusted(chain, authType);
        checkNotRevoked(chain[0]);
    }

    private void checkNotRevoked(X509Certificate certificate) throws CertificateException {
        String serial = certificate.getSerialNumber().toString(16);
        if (!certificates.notValid(Set.of(serial)).isEmpty()) {
            audit.recordDenial("cot:" + certificate.getSubjectX500Principal().getName(), "COT_CONNECT",
                    "certificate " + serial, "revoked or unknown certificate");
            throw new CertificateException("certificate " + serial + " is revoked or unknown");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the CoT server does not authenticate servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the CoT server does not authenticate servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the CoT server does not authenticate servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca.getAcceptedIssuers();
    }
}
