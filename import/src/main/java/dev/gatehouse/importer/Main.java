package dev.gatehouse.importer;

import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code gatehouse import --source <enxero|flask|better-auth|typeorm> --source-url <jdbc url> [--dry-run]
 * [--phone-calling-code 254]}. Credentials come from the environment: {@code SOURCE_DB_USER},
 * {@code SOURCE_DB_PASSWORD}, {@code IMPORTER_CLIENT_SECRET}; service URLs from {@code AUTH_SERVICE_URL},
 * {@code COMPANY_SERVICE_URL}, {@code APPROVAL_SERVICE_URL}. Exit 0 when every row read is accounted for, 1 when
 * some failed or were lost without a reason, 2 for bad usage.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = new HashMap<>();
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--source", "--source-url", "--phone-calling-code" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                }
                default -> {
                    return usage(err, "unknown argument " + args[i]);
                }
            }
        }
        String callingCode = options.get("--phone-calling-code");
        if (callingCode != null && !callingCode.matches("[1-9][0-9]{0,2}")) {
            return usage(err, "--phone-calling-code is a country calling code such as 254");
        }
        Source source = switch (options.getOrDefault("--source", "")) {
            case "enxero" -> new EnxeroSource(callingCode);
            case "flask" -> new FlaskSource(callingCode);
            case "better-auth" -> new BetterAuthSource();
            case "typeorm" -> new TypeOrmSource(callingCode);
            default -> null;
        };
        if (source == null || !options.containsKey("--source-url")) {
            return usage(err, "--source and --source-url are required");
        }
        Gatehouse gatehouse = dryRun ? null
                : new HttpGatehouse(Map.of("auth", URI.create(env.getOrDefault("AUTH_SERVICE_URL", "http://127.0.0.1:8081")),
                        "company", URI.create(env.getOrDefault("COMPANY_SERVICE_URL", "http://127.0.0.1:8083")),
                        "approval", URI.create(env.getOrDefault("APPROVAL_SERVICE_URL", "http://127.0.0.1:8084"))),
                        "importer", env.getOrDefault("IMPORTER_CLIENT_SECRET", ""));
        try (Connection connection = DriverManager.getConnection(options.get("--source-url"),
                env.get("SOURCE_DB_USER"), env.get("SOURCE_DB_PASSWORD"))) {
            connection.setReadOnly(true);
            Reconciliation reconciliation = new Importer(source, gatehouse, dryRun, out).run(connection);
            reconciliation.print(out, dryRun);
            return reconciliation.complete() ? 0 : 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: gatehouse import --source <enxero|flask|better-auth|typeorm> --source-url <jdbc url> "
                + "[--dry-run] [--phone-calling-code <digits>]");
        return 2;
    }
}
