package coalition.servers;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and exits the JVM as soon as standard input closes.
 *
 * The test harness keeps a pipe to our stdin open for as long as it wants the server; when the harness
 * ends (normally, on a failure, or killed outright) the pipe closes and the server goes with it, so a
 * test run never leaves a Java process behind.
 *
 * Usage: java -cp launcher.jar:server.jar coalition.servers.ParentWatch MAIN_CLASS [ARGS...]
 */
public final class ParentWatch {
    private ParentWatch() {}

    /** Starts a daemon thread that calls {@code onClose} once stdin reaches end of file. */
    public static void exitWhenStdinCloses(Runnable onClose) {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // the harness never writes; anything it does write is ignored
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end of file
            }
            onClose.run();
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ParentWatch MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        exitWhenStdinCloses(() -> {
            System.err.println("parent-watch: stdin closed, exiting");
            System.exit(0);
        });
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
