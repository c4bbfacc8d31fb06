package io.github.jdbcv2.testutils;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.testframe.external.ExternalContext;

import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * What the connector testing framework's contexts of this project share: String records, no
 * connector jars to ship (the MiniCluster runs on the test's classpath) and nothing to close.
 */
public abstract class StringRecordsContext implements ExternalContext, ResultTypeQueryable<String> {

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    public List<URL> getConnectorJarPaths() {
        return Collections.emptyList();
    }

    @Override
    public void close() {}
}
