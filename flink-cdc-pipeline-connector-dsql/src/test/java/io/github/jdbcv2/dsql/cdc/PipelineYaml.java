package io.github.jdbcv2.dsql.cdc;

import org.apache.flink.cdc.common.configuration.Configuration;
import org.apache.flink.cdc.common.factories.DataSinkFactory;
import org.apache.flink.cdc.common.factories.Factory;
import org.apache.flink.cdc.common.factories.FactoryHelper;
import org.apache.flink.cdc.common.sink.DataSink;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.type.TypeReference;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Reads a pipeline definition's {@code sink:} block and creates its data sink the way the Flink CDC
 * CLI and composer do: the YAML node as string pairs, {@code type} (and {@code name}) taken out,
 * the factory found by that identifier through the {@code Factory} SPI.
 */
final class PipelineYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PipelineYaml() {}

    /** The options of the {@code sink:} block of {@code pipelineYaml}, without type and name. */
    static Map<String, String> sinkOptions(String pipelineYaml) throws Exception {
        JsonNode sink = YAML.readTree(pipelineYaml).get("sink");
        Map<String, String> options =
                YAML.convertValue(sink, new TypeReference<Map<String, String>>() {});
        options.remove("name");
        return options;
    }

    /** The sink of {@code pipelineYaml}, created by the factory its {@code type} names. */
    static DataSink createSink(String pipelineYaml) throws Exception {
        Map<String, String> options = sinkOptions(pipelineYaml);
        String type = options.remove("type");
        return factory(type)
                .createDataSink(
                        new FactoryHelper.DefaultContext(
                                Configuration.fromMap(options),
                                new Configuration(),
                                PipelineYaml.class.getClassLoader()));
    }

    /** The data sink factory with {@code identifier}, found through the SPI. */
    static DataSinkFactory factory(String identifier) {
        for (Factory factory : ServiceLoader.load(Factory.class)) {
            if (factory instanceof DataSinkFactory && factory.identifier().equals(identifier)) {
                return (DataSinkFactory) factory;
            }
        }
        throw new IllegalArgumentException("No data sink factory '" + identifier + "'");
    }
}
