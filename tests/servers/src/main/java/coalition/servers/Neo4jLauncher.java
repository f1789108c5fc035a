package coalition.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community, embedded, with the Bolt connector on 127.0.0.1, for the backend tests.
 *
 * Options: --home DIR (required; a fresh directory), --port N (0 = any free port, the default),
 * --password P (enables authentication with user "neo4j" and this password; without it auth is off),
 * --pagecache MB (default 32).
 *
 * Prints one line "NEO4J READY bolt://127.0.0.1:PORT" on stdout when Bolt accepts connections, then runs
 * until stdin closes or the process is terminated; either way the databases are shut down cleanly.
 */
public final class Neo4jLauncher {
    private Neo4jLauncher() {}

    public static void main(String[] args) {
        // from the first moment: a harness that goes away takes the server with it
        ParentWatch.exitWhenStdinCloses(() -> System.exit(0));  // System.exit runs the shutdown hook
        try {
            run(args);
        } catch (Throwable e) {
            // any start-up failure ends the JVM (Neo4j's own threads would otherwise keep it alive)
            System.out.println("NEO4J FAILED " + e);
            e.printStackTrace();
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String home = null;
        int port = 0;
        String password = null;
        long pagecacheMb = 32;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--home" -> { home = value; i++; }
                case "--port" -> { port = Integer.parseInt(value); i++; }
                case "--password" -> { password = value; i++; }
                case "--pagecache" -> { pagecacheMb = Long.parseLong(value); i++; }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (home == null) {
            System.err.println("--home DIR is required");
            System.exit(2);
        }

        boolean auth = password != null && !password.isEmpty();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(home))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // tests probe wrong passwords on purpose: never lock the real user out
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                // Bolt's network threads otherwise wait 2 x 5 s for traffic that will never come when stopping
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runnable shutdown = () -> {
            try {
                dbms.shutdown();
            } catch (RuntimeException e) {
                System.err.println("neo4j shutdown: " + e);
            }
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-shutdown"));

        if (auth) {
            // Embedded calls run with full rights: set the password so the tests log in as a client would.
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    java.util.Map.of("password", password));
        }

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var bolt = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("NEO4J READY bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        stopped.await();
    }
}
