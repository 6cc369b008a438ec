package dev.jsock.transport;

import java.io.IOException;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * "publickey" authentication with a key held by the SSH agent: ask the server whether it would
 * accept the key, and only then have the agent sign the session-bound request (RFC 4252 §7).
 */
final class AuthAgentKey extends AbstractAuthMethod {
    private final SshAgent agent;
    private final SshAgent.Identity identity;

    AuthAgentKey(SshAgent agent, SshAgent.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    /** RSA keys sign with SHA-512 (rsa-sha2-512); OpenSSH servers refuse SHA-1 ssh-rsa signatures. */
    private String algorithm() {
        return identity.type().equals("ssh-rsa") ? "rsa-sha2-512" : identity.type();
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return query(false);
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd != Message.USERAUTH_60) {
            super.handle(cmd, buf);
            return;
        }
        SSHPacket req = query(true);
        byte[] signed = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID()).putBuffer(req).getCompactData();
        try {
            int flags = identity.type().equals("ssh-rsa") ? SshAgent.RSA_SHA2_512 : 0;
            req.putBytes(agent.sign(identity.blob(), signed, flags));
        } catch (IOException e) {
            throw new UserAuthException("SSH agent could not sign with " + identity.comment() + ": " + e.getMessage(), e);
        }
        params.getTransport().write(req);
    }

    private SSHPacket query(boolean withSignature) throws UserAuthException {
        return super.buildReq().putBoolean(withSignature).putString(algorithm()).putBytes(identity.blob());
    }
}
