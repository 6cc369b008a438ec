import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;

/**
 * Times sshj's phases in one fresh JVM, the way jsock's transport uses it (no BouncyCastle,
 * curve25519 + ed25519 + AES-GCM first, TCP_NODELAY): config, connect + key exchange, auth,
 * first exec, later execs. Not part of the build; run from bench/profile:
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target-bench/jsock.jar bench/SshTiming.java ADDRESS KEY [CIPHER]
 */
public class SshTiming {
    public static void main(String[] args) throws Exception {
        long jvmStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        long t0 = System.nanoTime();
        long mainAt = System.currentTimeMillis() - jvmStart;
        SecurityUtils.setRegisterBouncyCastle(false);
        DefaultConfig c = new DefaultConfig();
        c.setKeyExchangeFactories(first(c.getKeyExchangeFactories(), "curve25519-sha256"));
        c.setKeyAlgorithms(first(c.getKeyAlgorithms(), "ssh-ed25519"));
        c.setCipherFactories(first(c.getCipherFactories(), args.length > 2 ? args[2] : "aes128-gcm@openssh.com"));
        long t1 = System.nanoTime();
        new DefaultConfig();
        long t1b = System.nanoTime();
        SSHClient ssh = new SSHClient(c);
        ssh.addHostKeyVerifier(new PromiscuousVerifier());
        ssh.connect(args[0], 22);
        ssh.getSocket().setTcpNoDelay(true);
        long t2 = System.nanoTime();
        ssh.authPublickey("root", ssh.loadKeys(args[1]));
        long t3 = System.nanoTime();
        exec(ssh);
        long t4 = System.nanoTime();
        int n = Integer.getInteger("execs", 10);
        for (int i = 0; i < n; i++) exec(ssh);
        long t5 = System.nanoTime();
        ssh.close();
        System.out.printf("jvm start -> main %d ms; config %.0f ms (a second DefaultConfig %.1f ms); connect+kex %.0f ms; auth %.0f ms;"
                        + " first exec %.0f ms; later execs %.1f ms each; cipher %s%n",
                mainAt, ms(t1 - t0), ms(t1b - t1), ms(t2 - t1b), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4) / n,
                args.length > 2 ? args[2] : "aes128-gcm@openssh.com");
    }

    private static void exec(SSHClient ssh) throws Exception {
        try (Session s = ssh.startSession(); Session.Command cmd = s.exec("true")) {
            cmd.getInputStream().readAllBytes();
            cmd.join();
        }
    }

    private static <T extends net.schmizz.sshj.common.Factory.Named<?>> List<T> first(List<T> all, String name) {
        List<T> sorted = new java.util.ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparingInt(f -> f.getName().equals(name) ? 0 : 1));
        return sorted;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
