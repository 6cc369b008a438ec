package dev.jsock.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One SSH connection to a host, kept open for the whole run; every command gets its own session
 * channel on it. Stdout and stderr are drained on their own threads while stdin is written: a command
 * that prints more than the channel window before reading its input would otherwise deadlock.
 */
public final class SshConnection implements Connection {
    private static final int STDIN_CHUNK = 32 * 1024;

    private final String host;
    private final String address;
    private final SSHClient client;
    private final ExecutorService readers;

    SshConnection(String host, String address, SSHClient client) {
        this.host = host;
        this.address = address;
        this.client = client;
        this.readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jsock-ssh-" + host);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public CommandResult exec(String command, byte[] stdin, Become become) throws UnreachableException {
        String full = become.wrap(command);
        byte[] input = withSudoPassword(become, stdin);
        if (!client.isConnected()) throw dropped(null);
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(full);
            Future<byte[]> out = readers.submit(() -> drain(cmd.getInputStream()));
            Future<byte[]> err = readers.submit(() -> drain(cmd.getErrorStream()));
            byte[] o;
            byte[] e;
            try {
                writeStdin(cmd, input);
                o = out.get();
                e = err.get();
            } catch (InterruptedException ie) {
                stopRemote(cmd);
                throw ie;
            }
            cmd.join();
            Integer status = cmd.getExitStatus();
            if (status == null) {
                if (!client.isConnected()) throw dropped(null);
                // Killed by a signal: there is no exit status; report it like a shell would.
                String signal = cmd.getExitSignal() == null ? "unknown" : cmd.getExitSignal().name();
                return new CommandResult(-1, utf8(o), utf8(e) + "command killed by signal " + signal + "\n");
            }
            return new CommandResult(status, utf8(o), utf8(e));
        } catch (IOException | ExecutionException ex) {
            throw dropped(ex);
        } catch (IllegalStateException ex) {
            // sshj's way of saying the transport closed between our check and the call.
            throw dropped(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("Interrupted while running a command on " + host, ex);
        }
    }

    /** Ctrl-C: ask sshd to stop the remote command too, so nothing keeps running on the host. */
    private static void stopRemote(Session.Command cmd) {
        try {
            cmd.signal(net.schmizz.sshj.connection.channel.direct.Signal.TERM);
        } catch (IOException | RuntimeException e) {
            // the channel is going away anyway
        }
    }

    @Override
    public AutoCloseable holdRunLock(int waitSeconds) throws UnreachableException {
        try {
            Session session = client.startSession();
            Session.Command cmd = session.exec(RunLock.command(waitSeconds));
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(cmd.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            if (!RunLock.READY.equals(line)) {
                session.close();
                throw new UnreachableException(RunLock.busyMessage(host, waitSeconds));
            }
            return () -> {
                cmd.getOutputStream().close();
                session.close();
            };
        } catch (IOException e) {
            throw dropped(e);
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
        try {
            client.disconnect();
        } catch (IOException e) {
            // The run is over for this host; a failing goodbye changes nothing.
        }
    }

    /**
     * Writes stdin, then EOF, never more than the remote window allows. sshj's stream would otherwise
     * block inside a synchronized write when a command exits without reading its input, and that
     * lock also stalls sshj's own handling of the channel close for its 30 s window timeout.
     * Write failures are not errors here: a dead connection shows as a missing exit status.
     */
    private static void writeStdin(Session.Command cmd, byte[] input) throws InterruptedException {
        OutputStream os = cmd.getOutputStream();
        try {
            int off = 0;
            while (input != null && off < input.length && cmd.isOpen()) {
                long window = cmd.getRemoteWinSize();
                if (window <= 0) {
                    Thread.sleep(1);
                    continue;
                }
                int n = (int) Math.min(Math.min(window, STDIN_CHUNK), input.length - off);
                os.write(input, off, n);
                os.flush();
                off += n;
            }
            if (cmd.isOpen()) os.close();
        } catch (IOException e) {
            // The command exited without reading all of its input, or the connection dropped (reported by exec).
        }
    }

    private UnreachableException dropped(Throwable cause) {
        Throwable root = cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
        String detail = root == null || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
        return new UnreachableException("Failed to connect to the host via ssh: Shared connection to " + address + " closed." + detail, root);
    }

    private static byte[] withSudoPassword(Become become, byte[] stdin) {
        if (!become.enabled() || become.password() == null) return stdin;
        byte[] pw = (become.password() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] in = stdin == null ? new byte[0] : stdin;
        byte[] all = new byte[pw.length + in.length];
        System.arraycopy(pw, 0, all, 0, pw.length);
        System.arraycopy(in, 0, all, pw.length, in.length);
        return all;
    }

    private static byte[] drain(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
