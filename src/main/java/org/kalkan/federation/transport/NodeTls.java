package org.kalkan.federation.transport;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.Peer;
import org.kalkan.federation.internal.Certificates;
import org.kalkan.federation.internal.PeerStore;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.NodeKeys;
import org.springframework.stereotype.Component;

/**
 * TLS for the federation port, both ways, with the node's own key and certificate and no certificate authority:
 * the server accepts exactly the certificates of registered peers (looked up at each handshake, so a change of the
 * peers applies at once), and a client to one peer accepts exactly that peer's registered certificate. Pinning the
 * whole certificate replaces host-name checks, so the link works to whatever address the peer is registered at.
 */
@Component
class NodeTls {

    private static final char[] NO_PASSWORD = new char[0];
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final NodeKeys keys;
    private final PeerStore peers;
    private final AuditTrail audit;

    NodeTls(NodeKeys keys, PeerStore peers, AuditTrail audit) {
        this.keys = keys;
        this.peers = peers;
        this.audit = audit;
    }

    static String[] protocols() {
        return PROTOCOLS.clone();
    }

    /** The server side: the node's key; any registered peer's certificate, and nothing else, as a client. */
    SSLContext server() {
        return context(new Pinned(null));
    }

    /** The client side towards one peer: the node's key; exactly that peer's certificate as the server. */
    SSLContext client(Peer peer) {
        return context(new Pinned(Certificates.parse(peer.certificate())));
    }

    /** The registered peer presenting this certificate, if any. */
    Optional<Peer> peerOf(X509Certificate certificate) {
        return peers.byFingerprint(Certificates.fingerprint(certificate));
    }

    private SSLContext context(TrustManager trust) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("node", keys.privateKey(), NO_PASSWORD, new Certificate[] {keys.certificate()});
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
            factory.init(store, NO_PASSWORD);
            KeyManager[] keyManagers = factory.getKeyManagers();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS with the node key", e);
        }
    }

    /** Trusts one pinned certificate (client side), or any registered peer's (server side). */
    private final class Pinned extends X509ExtendedTrustManager {

        private final @Nullable X509Certificate server;

        Pinned(@Nullable X509Certificate server) {
            this.server = server;
        }

        private void checkClient(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no client certificate");
            }
            chain[0].checkValidity();
            if (peerOf(chain[0]).isEmpty()) {
                String fingerprint = Certificates.fingerprint(chain[0]);
                audit.recordDenial("federation:" + chain[0].getSubjectX500Principal().getName(), "FEDERATION_CONNECT",
                        "certificate " + fingerprint, "not the certificate of a registered peer");
                throw new CertificateException("not the certificate of a registered peer: " + fingerprint);
            }
        }

        private void checkServer(X509Certificate[] chain) throws CertificateException {
            if (server == null) {
                throw new CertificateException("the federation server does not authenticate servers");
            }
            if (chain == null || chain.length == 0 || !Arrays.equals(chain[0].getEncoded(), server.getEncoded())) {
                throw new CertificateException("the peer presented another certificate than the one registered for it");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClient(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClient(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkClient(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkServer(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
