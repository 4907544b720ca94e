package org.kalkan.interop.cot;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.X509Certificate;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cot.CotXml.Refused;
import org.kalkan.interop.cot.ProtobufFrameDecoder.TakFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's inbound side: identifies the client (its certificate after the TLS handshake, or the
 * laboratory user on the plain-TCP port), hands decoded events to the hub, and switches the connection to TAK
 * protocol version 1 when the client asks for it. A refused event is counted and dropped; the connection stays.
 */
final class CotConnection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CotConnection.class);
    static final String FRAMER = "framer";

    private final CotHub hub;
    private final CotIdentities identities;
    private final int maxBytes;
    private final CotXml.Limits limits;
    private final boolean tls;
    private @Nullable CotSession session;

    CotConnection(CotHub hub, CotIdentities identities, int maxBytes, CotXml.Limits limits, boolean tls) {
        this.hub = hub;
        this.identities = identities;
        this.maxBytes = maxBytes;
        this.limits = limits;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!tls) {
            identified(ctx, identities.laboratory(ctx.channel()));
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion) {
            if (completion.isSuccess()) {
                var peer = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
                identified(ctx, identities.ofCertificate(ctx.channel(), (X509Certificate) peer[0]));
            } else {
                log.debug("TLS handshake from {} failed: {}", ctx.channel().remoteAddress(),
                        completion.cause().getMessage());
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    private void identified(ChannelHandlerContext ctx, @Nullable CotSession identified) {
        if (identified == null) {
            ctx.close();
            return;
        }
        session = identified;
        hub.connect(identified);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (session == null) {
            return;
        }
        try {
            CotEvent event = message instanceof TakFrame frame ? TakProtobuf.decode(frame.bytes(), limits)
                    : CotXml.parse((byte[]) message, limits);
            if (event != null && hub.receive(session, event)) {
                session.codec(CotCodec.PROTOBUF);
                ctx.pipeline().replace(FRAMER, FRAMER, new ProtobufFrameDecoder(maxBytes, hub::dropped));
            }
        } catch (Refused refused) {
            hub.dropped(refused.reason());
            log.debug("CoT from {} dropped: {}", session.subject().username(), refused.getMessage());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (session != null && ctx.channel().isWritable()) {
            session.scheduleDrain();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            hub.disconnect(session);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // The edge of the network: whatever went wrong with this connection ends it alone.
        hub.dropped("connection-error");
        log.debug("CoT connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
