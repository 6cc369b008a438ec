package dev.jsock.transport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Buffer;

/**
 * A minimal client for the OpenSSH agent protocol (list keys, sign), over the Unix socket in
 * SSH_AUTH_SOCK. sshj only speaks to agents through extra libraries; the JDK's Unix-domain sockets
 * make these two requests a few lines, and private keys never enter this process.
 */
final class SshAgent {
    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    /** Flags asking an agent for rsa-sha2-256 / rsa-sha2-512 instead of SHA-1 ssh-rsa signatures. */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;

    record Identity(byte[] blob, String type, String comment) {}

    private final Path socket;

    SshAgent(Path socket) {
        this.socket = socket;
    }

    List<Identity> identities() throws IOException {
        Buffer.PlainBuffer reply = call(new Buffer.PlainBuffer().putByte(REQUEST_IDENTITIES), IDENTITIES_ANSWER);
        try {
            int n = reply.readUInt32AsInt();
            List<Identity> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] blob = reply.readBytes();
                String comment = reply.readString();
                String type = new Buffer.PlainBuffer(blob).readString();
                ids.add(new Identity(blob, type, comment));
            }
            return ids;
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed reply from the SSH agent at " + socket, e);
        }
    }

    /** Returns the signature as the agent encodes it: string algorithm, string signature bytes. */
    byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer req = new Buffer.PlainBuffer().putByte(SIGN_REQUEST).putBytes(keyBlob).putBytes(data).putUInt32(flags);
        try {
            return call(req, SIGN_RESPONSE).readBytes();
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed signature from the SSH agent at " + socket, e);
        }
    }

    private Buffer.PlainBuffer call(Buffer.PlainBuffer request, byte expected) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            byte[] body = request.getCompactData();
            ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
            while (out.hasRemaining()) ch.write(out);
            ByteBuffer len = readFully(ch, 4);
            int n = len.getInt();
            if (n < 1 || n > 256 * 1024) throw new IOException("bad message length " + n + " from the SSH agent at " + socket);
            ByteBuffer msg = readFully(ch, n);
            byte type = msg.get();
            if (type == FAILURE) throw new IOException("the SSH agent at " + socket + " refused the request");
            if (type != expected) throw new IOException("unexpected message " + type + " from the SSH agent at " + socket);
            byte[] rest = new byte[msg.remaining()];
            msg.get(rest);
            return new Buffer.PlainBuffer(rest);
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) throw new IOException("the SSH agent closed the connection");
        }
        return b.flip();
    }
}
