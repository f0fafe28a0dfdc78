package org.frontline.scaleout.internal;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code frontline.replica.url} set: read-only transactions run on the streaming replica, everything else on
 * the primary. A lazy proxy takes the real connection at the first statement, when the transaction's
 * read-only flag is known; the replica side waits for (or falls back from) a session's last write.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("frontline.replica.url")
class ReplicaConfig {

    @Bean
    HikariDataSource primaryDataSource(DataSourceProperties properties) {
        HikariDataSource ds = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        ds.setPoolName("primary");
        return ds;
    }

    @Bean
    HikariDataSource replicaDataSource(
            DataSourceProperties properties,
            @Value("${frontline.replica.url}") String url,
            @Value("${frontline.replica.pool-size:20}") int poolSize) {
        HikariDataSource ds = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .url(url)
                .build();
        ds.setPoolName("replica");
        ds.setMaximumPoolSize(poolSize);
        ds.setReadOnly(true);
        // a busy pool makes a read wait at most this long before it reads the primary instead
        ds.setConnectionTimeout(2000);
        ds.setInitializationFailTimeout(-1);
        return ds;
    }

    @Bean
    ReplicaState replicaState(DataSourceProperties properties, @Value("${frontline.replica.url}") String url) {
        return new ReplicaState(url, properties.determineUsername(), properties.determinePassword());
    }

    @Bean
    @Primary
    DataSource dataSource(
            HikariDataSource primaryDataSource,
            HikariDataSource replicaDataSource,
            ReplicaState state,
            @Value("${frontline.replica.max-wait-ms:300}") long maxWaitMs) {
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primaryDataSource);
        proxy.setReadOnlyDataSource(
                new ReadYourWritesDataSource(replicaDataSource, primaryDataSource, state, maxWaitMs));
        return proxy;
    }
}
