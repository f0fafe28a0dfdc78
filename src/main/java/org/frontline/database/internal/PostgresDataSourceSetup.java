package org.frontline.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * When the configured URL is {@code jdbc:postgresql:…}, pgjdbc sends a JDBC batch of inserts as multi-row INSERTs
 * ({@code reWriteBatchedInserts}): one statement per up to 128 rows instead of one per row (imports, bench data).
 */
@Component
class PostgresDataSourceSetup implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && pool.getDataSourceProperties().getProperty("reWriteBatchedInserts") == null) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
