package org.kalkan.interop.cot;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Netty listeners: mutual TLS on {@code kalkan.cot.tls-port} (client certificates of the node's CA only) and,
 * for laboratories, plain TCP on {@code kalkan.cot.tcp-port}. Both feed the same {@link CotHub}.
 */
@Component
class CotServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CotServer.class);

    private final CotProperties properties;
    private final CertificateAuthority authority;
    private final CotTrustManager trustManager;
    private final CotHub hub;
    private final CotIdentities identities;
    private @Nullable EventLoopGroup group;
    private @Nullable Channel tlsChannel;
    private @Nullable Channel tcpChannel;

    CotServer(CotProperties properties, CertificateAuthority authority, CotTrustManager trustManager, CotHub hub,
            CotIdentities identities) {
        this.properties = properties;
        this.authority = authority;
        this.trustManager = trustManager;
        this.hub = hub;
        this.identities = identities;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory());
        try {
            SslContext ssl = SslContextBuilder.forServer(authority.serverKey(), authority.serverCertificate(),
                            authority.caCertificate())
                    .sslProvider(SslProvider.JDK).trustManager(trustManager).clientAuth(ClientAuth.REQUIRE)
                    .protocols("TLSv1.3", "TLSv1.2").build();
            tlsChannel = bind(properties.tlsPort(), ssl);
            if (properties.tcpPort() >= 0) {
                tcpChannel = bind(properties.tcpPort(), null);
                log.warn("CoT plain-TCP laboratory port {} is open: no encryption, every connection acts as {}",
                        tcpPort(), properties.tcpUser());
            }
            log.info("CoT server listening: TLS {}{}", tlsPort(), tcpChannel == null ? "" : ", TCP " + tcpPort());
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the CoT server's TLS context", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the CoT server", e);
        }
    }

    private Channel bind(int port, @Nullable SslContext ssl) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline().addLast("tls", ssl.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(CotConnection.FRAMER,
                                new XmlFrameDecoder(properties.maxMessageBytes(), hub::dropped));
                        channel.pipeline().addLast("cot",
                                new CotConnection(hub, identities, properties.maxMessageBytes(), properties.limits(),
                                        ssl != null));
                    }
                })
                .bind(new InetSocketAddress(properties.bindAddress(), port)).sync().channel();
    }

    /** The bound TLS port (useful when configured as 0); -1 when not listening. */
    int tlsPort() {
        return tlsChannel == null ? -1 : ((InetSocketAddress) tlsChannel.localAddress()).getPort();
    }

    /** The bound plain-TCP laboratory port; -1 when off. */
    int tcpPort() {
        return tcpChannel == null ? -1 : ((InetSocketAddress) tcpChannel.localAddress()).getPort();
    }

    @Override
    public void stop() {
        for (CotSession session : hub.sessions()) {
            session.close();
        }
        if (tlsChannel != null) {
            tlsChannel.close().syncUninterruptibly();
        }
        if (tcpChannel != null) {
            tcpChannel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        tlsChannel = null;
        tcpChannel = null;
        group = null;
    }

    @Override
    public boolean isRunning() {
        return group != null;
    }
}
