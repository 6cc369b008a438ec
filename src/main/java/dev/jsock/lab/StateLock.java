package dev.jsock.lab;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serialises lab changes across processes: several jsock runs and test JVMs may call {@code lab up}
 * at once, and only one of them may boot a given host. Within one JVM a second lock attempt on the
 * same file throws instead of blocking, so that case waits by polling.
 */
final class StateLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateLock acquire(Path file) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                try {
                    return new StateLock(ch, ch.lock());
                } catch (OverlappingFileLockException e) {
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw Shell.error("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Shell.error("interrupted while waiting for the lab lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw Shell.error("cannot release the lab lock: " + e.getMessage(), e);
        }
    }
}
