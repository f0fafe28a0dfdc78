package org.frontline.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** When the configured URL is {@code jdbc:sqlite:…}, the connection pool draws from {@link SqliteDataSource}. */
@Component
class EmbeddedDataSourceSetup implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
            pool.setDataSource(new SqliteDataSource(pool.getJdbcUrl()));
        }
        return bean;
    }
}
