package dev.userpool.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went, from a Flight Recorder file: counts the {@code jdk.ExecutionSample} (Java code
 * on CPU) and {@code jdk.NativeMethodSample} (a thread inside a native method) events of the threads
 * whose name starts with a prefix, and prints the share of samples whose stack contains each method
 * ("inclusive", i.e. the method or anything it called) and the share whose top frame is it ("self").
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.userpool.bench.JfrHotspots FILE.jfr [THREAD_PREFIX] [TOP]</pre>
 */
public final class JfrHotspots {
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrHotspots FILE.jfr [THREAD_PREFIX] [TOP]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String prefix = args.length > 1 ? args[1] : "";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        for (String type : List.of("jdk.ExecutionSample", "jdk.NativeMethodSample")) {
            Map<String, Integer> inclusive = new HashMap<>();
            Map<String, Integer> self = new HashMap<>();
            int samples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals(type)) continue;
                RecordedThread thread = e.getThread("sampledThread");
                String name = thread == null ? "" : String.valueOf(thread.getJavaName());
                if (!name.startsWith(prefix)) continue;
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) continue;
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(method(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String m = method(f);
                    if (seen.add(m)) inclusive.merge(m, 1, Integer::sum);
                }
            }
            System.out.printf(Locale.ROOT, "%n== %s, threads '%s*': %d samples%n", type, prefix, samples);
            print("inclusive", inclusive, samples, top);
            print("self", self, samples, Math.min(top, 15));
        }
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(top)
                .forEach(en -> System.out.printf(Locale.ROOT, "%6.1f%%  %6d  %s%n",
                        100.0 * en.getValue() / Math.max(1, samples), en.getValue(), en.getKey()));
    }
}
