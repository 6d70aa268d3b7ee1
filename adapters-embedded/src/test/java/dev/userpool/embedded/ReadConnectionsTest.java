package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void aReaderWaitingForABusyConnectionIsRefusedWhenTheDatabaseCloses() throws Exception {
        Path file = dir.resolve("pool.db");
        EmbeddedDatabase.open(file).close();   // a database with its schema
        ReadConnections readers = new ReadConnections(file, 1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(() -> readers.read(c -> {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> waiting = threads.submit(() -> readers.read(c -> 2));
            Thread.sleep(200);
            assertThat(waiting.isDone()).as("the second reader waits for the one connection").isFalse();

            readers.close();
            assertRefused(() -> {
                try {
                    waiting.get(5, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw (RuntimeException) e.getCause();
                }
            }, ErrorCode.SERVICE_UNAVAILABLE);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void connectionsAreReusedAndNeverMoreThanTheMaximumOpen() throws Exception {
        Path file = dir.resolve("reuse.db");
        EmbeddedDatabase.open(file).close();
        try (ReadConnections readers = new ReadConnections(file, 2)) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            java.util.Set<java.sql.Connection> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.List<Future<Integer>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                reads.add(threads.submit(() -> readers.read(c -> {
                    seen.add(c);
                    return 1;
                })));
            }
            for (Future<Integer> f : reads) f.get(30, TimeUnit.SECONDS);
            threads.shutdown();
            assertThat(seen).hasSizeBetween(1, 2);
        }
    }
}
