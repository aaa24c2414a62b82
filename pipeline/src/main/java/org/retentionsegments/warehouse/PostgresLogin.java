package org.retentionsegments.warehouse;

import java.net.ConnectException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Logging in to PostgreSQL: the connection properties of a URL, and what a failure to connect
 * means. The driver reads {@code user} and
 * {@code password} parameters only in lower case and ignores the environment; here a password
 * parameter in any case counts, {@code PGPASSWORD} gives the password and {@code PGUSER} the
 * user when the URL has none, and {@code user:password@host}, which the driver would take for a
 * host name, is refused. Every password met is registered with {@link Secrets}.
 */
final class PostgresLogin {

    private static final Pattern USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?]*@.*", Pattern.DOTALL);

    /**
     * The session setting every connection gets once open, unless its URL has {@code options} of
     * its own: PostgreSQL's JIT off. The models' views are large plans over small groups, and
     * PostgreSQL's cost estimate of them, far above {@code jit_above_cost}, has it compile each for
     * seconds: measured here, {@code select * from holdout_lift} on a test warehouse of a few
     * hundred rows spent 9.4 of its 9.45 s in JIT compilation, and {@code ./segments report} on a
     * generated business of 20,000 customers took 212 and 238 s with the JIT and 111 and 125 s
     * without it. A statement, not the startup parameter {@code options}: PgBouncer and the poolers
     * built on it refuse a connection that sends that parameter ("unsupported startup parameter").
     * PostgreSQL before 11 has no JIT and no such setting.
     */
    static void turnJitOff(Connection connection, String url) throws SQLException {
        if (parameter(url, "options") || connection.getMetaData().getDatabaseMajorVersion() < 11) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET jit = off");
        }
    }

    /** Whether the URL's query has the parameter, in any case. */
    private static boolean parameter(String url, String name) {
        int query = url.indexOf('?');
        for (String parameter : query < 0 ? new String[0] : url.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            if ((eq < 0 ? parameter : parameter.substring(0, eq)).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private PostgresLogin() {}

    static Properties properties(String url, Map<String, String> environment) {
        Secrets.registerUrl(url);
        if (USER_INFO.matcher(url).matches()) {
            throw new WarehouseException("the PostgreSQL driver does not read user:password@host (in "
                    + Secrets.mask(url) + "): pass jdbc:postgresql://HOST:PORT/DATABASE?user=USER and the"
                    + " password as &password=... or in PGPASSWORD");
        }
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "10"); // the URL's own settings take precedence
        String password = null;
        boolean user = false;
        int query = url.indexOf('?');
        for (String parameter : query < 0 ? new String[0] : url.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            String key = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (key.equals("password") && eq >= 0) {
                password = decode(parameter.substring(eq + 1));
            } else if (key.equals("user")) {
                user = true;
            }
        }
        String fromEnvironment = environment.get("PGPASSWORD");
        if (password == null && fromEnvironment != null && !fromEnvironment.isEmpty()) {
            Secrets.register(fromEnvironment);
            password = fromEnvironment;
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String pgUser = environment.get("PGUSER");
        if (!user && pgUser != null && !pgUser.isEmpty()) {
            properties.setProperty("user", pgUser);
        }
        return properties;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** What a failed connection means for the user, in one line (with the password masked). */
    static String problem(String url, SQLException e) {
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        if (parsed == null) {
            return "malformed PostgreSQL URL '" + Warehouse.displayUrl(url)
                    + "': use jdbc:postgresql://HOST:PORT/DATABASE?user=USER";
        }
        String where = parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
        String database = parsed.getProperty("PGDBNAME", "");
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                || state.startsWith("08")) {
            String why = hasCause(e, UnknownHostException.class) ? "unknown host"
                    : hasCause(e, ConnectException.class) ? "connection refused" : Warehouse.firstLine(e.getMessage());
            return "cannot reach PostgreSQL at " + where + " (" + why
                    + "): start it with infra/start-postgres.sh or pass --warehouse";
        }
        if (state.equals("3D000")) {
            return "database '" + database + "' does not exist on PostgreSQL at " + where
                    + ": create it (createdb " + database + ") or pass --warehouse";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL at " + where + " refused the login (" + Warehouse.firstLine(e.getMessage())
                    + "): put user=... and password=... in the --warehouse URL, or set PGPASSWORD";
        }
        return "cannot open PostgreSQL at " + where + " (" + Warehouse.firstLine(e.getMessage())
                + "): check the --warehouse URL";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
