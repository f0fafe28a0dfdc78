package org.frontline.database.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * The two things the SQLite driver does not do the way the app's plain JDBC expects, done in one place for
 * every repository: time values (bound as fixed-width UTC text, read back as the java.time or JDBC type asked
 * for), and write serialisation (a transaction that is not read-only begins IMMEDIATE, taking SQLite's single
 * write lock up front, so concurrent writers wait for each other — busy_timeout — instead of failing with
 * SQLITE_BUSY when a deferred transaction tries to upgrade; read-only transactions stay DEFERRED and never block).
 */
final class SqliteJdbc {
    private SqliteJdbc() {}

    static Connection connection(SQLiteConnection target) {
        return proxy(Connection.class, new ConnectionHandler(target));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(SqliteJdbc.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final SQLiteConnection target;
        private boolean readOnly;

        ConnectionHandler(SQLiteConnection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "setReadOnly" -> {
                    readOnly = (Boolean) args[0];
                    return null;
                }
                case "isReadOnly" -> {
                    return readOnly;
                }
                case "setAutoCommit" -> {
                    if (!(Boolean) args[0] && target.getAutoCommit()) {
                        mode(readOnly ? TransactionMode.DEFERRED : TransactionMode.IMMEDIATE);
                    }
                    return call(target, m, args);
                }
                case "commit", "rollback" -> {
                    if (args == null) {
                        // the driver begins the next transaction at once: let that one take no lock yet
                        mode(TransactionMode.DEFERRED);
                    }
                    return call(target, m, args);
                }
                case "prepareStatement" -> {
                    Object[] a = args;
                    if (a.length == 2 && a[1] instanceof String[]) {
                        a = new Object[] {a[0], Statement.RETURN_GENERATED_KEYS};
                        m = Connection.class.getMethod("prepareStatement", String.class, int.class);
                    }
                    PreparedStatement ps = (PreparedStatement) call(target, m, a);
                    return proxy(PreparedStatement.class, new StatementHandler(ps, (Connection) proxy));
                }
                case "prepareCall" -> {
                    CallableStatement cs = (CallableStatement) call(target, m, args);
                    return proxy(CallableStatement.class, new StatementHandler(cs, (Connection) proxy));
                }
                case "createStatement" -> {
                    Statement s = (Statement) call(target, m, args);
                    return proxy(Statement.class, new StatementHandler(s, (Connection) proxy));
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(target) ? target : call(target, m, args);
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(target) || (Boolean) call(target, m, args);
                }
                default -> {
                    return call(target, m, args);
                }
            }
        }

        private void mode(TransactionMode mode) {
            target.getConnectionConfig().setTransactionMode(mode);
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final Connection connection;

        StatementHandler(Statement target, Connection connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "setObject", "setTimestamp", "setDate" -> {
                    String text = SqliteTime.textOf(args[1]);
                    if (text != null && args[0] instanceof Integer i) {
                        ((PreparedStatement) target).setString(i, text);
                        return null;
                    }
                    return call(target, m, args);
                }
                case "executeQuery", "getResultSet", "getGeneratedKeys" -> {
                    ResultSet rs = (ResultSet) call(target, m, args);
                    return rs == null ? null : proxy(ResultSet.class, new ResultSetHandler(rs, (Statement) proxy));
                }
                case "getConnection" -> {
                    return connection;
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(target) ? target : call(target, m, args);
                }
                default -> {
                    return call(target, m, args);
                }
            }
        }
    }

    private static final class ResultSetHandler implements InvocationHandler {
        private final ResultSet target;
        private final Statement statement;

        ResultSetHandler(ResultSet target, Statement statement) {
            this.target = target;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "getObject" -> {
                    if (args.length == 2 && args[1] instanceof Class<?> type) {
                        // the driver refuses SQL NULL for boxed types (Long.class: "Bad value for type Long")
                        if (raw(args[0]) == null) {
                            return null;
                        }
                        if (TIME_TYPES.contains(type)) {
                            return time(text(args[0]), type);
                        }
                    }
                    return call(target, m, args);
                }
                case "getTimestamp" -> {
                    Instant t = SqliteTime.parse(text(args[0]));
                    return t == null ? null : Timestamp.from(t);
                }
                case "getDate" -> {
                    String s = text(args[0]);
                    return s == null ? null : java.sql.Date.valueOf(LocalDate.parse(s.substring(0, 10)));
                }
                case "getStatement" -> {
                    return statement;
                }
                default -> {
                    return call(target, m, args);
                }
            }
        }

        private static final java.util.Set<Class<?>> TIME_TYPES = java.util.Set.of(
                OffsetDateTime.class,
                Instant.class,
                ZonedDateTime.class,
                LocalDateTime.class,
                Timestamp.class,
                LocalDate.class);

        private Object time(String s, Class<?> type) {
            if (type == OffsetDateTime.class) {
                return s == null ? null : SqliteTime.parse(s).atOffset(ZoneOffset.UTC);
            } else if (type == Instant.class) {
                return SqliteTime.parse(s);
            } else if (type == ZonedDateTime.class) {
                return s == null ? null : SqliteTime.parse(s).atZone(ZoneOffset.UTC);
            } else if (type == LocalDateTime.class) {
                return s == null ? null : LocalDateTime.ofInstant(SqliteTime.parse(s), ZoneOffset.UTC);
            } else if (type == Timestamp.class) {
                return s == null ? null : Timestamp.from(SqliteTime.parse(s));
            }
            return s == null ? null : LocalDate.parse(s.substring(0, 10));
        }

        private Object raw(Object column) throws java.sql.SQLException {
            return column instanceof Integer i ? target.getObject(i) : target.getObject((String) column);
        }

        private String text(Object column) throws java.sql.SQLException {
            return column instanceof Integer i ? target.getString(i) : target.getString((String) column);
        }
    }
}
