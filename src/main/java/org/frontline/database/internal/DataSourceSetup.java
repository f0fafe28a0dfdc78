package org.frontline.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The connection pool per database: for {@code jdbc:sqlite:…} it draws from {@link SqliteDataSource}; for
 * {@code jdbc:postgresql:…} pgjdbc sends a JDBC batch of inserts as multi-row INSERTs ({@code reWriteBatchedInserts}:
 * one statement per up to 128 rows instead of one per row, e.g. an import's batches).
 */
@Component
class DataSourceSetup implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            if (pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
                pool.setDataSource(new SqliteDataSource(pool.getJdbcUrl()));
            } else if (pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                    && pool.getDataSourceProperties().getProperty("reWriteBatchedInserts") == null) {
                pool.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
        }
        return bean;
    }
}
