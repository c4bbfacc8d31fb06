package io.github.jdbcv2.sink;

import org.apache.flink.connector.testframe.environment.MiniClusterTestEnvironment;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.junit.annotations.TestContext;
import org.apache.flink.connector.testframe.junit.annotations.TestEnv;
import org.apache.flink.connector.testframe.junit.annotations.TestExternalSystem;
import org.apache.flink.connector.testframe.junit.annotations.TestSemantics;
import org.apache.flink.connector.testframe.testsuites.SinkTestSuiteBase;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * Flink's own sink test suite (basic write, savepoint restart, scale up and down, metrics) run
 * against our sink, both at-least-once and exactly-once, with the embedded PostgreSQL as the
 * external system.
 */
class JdbcSinkTestSuiteITCase extends SinkTestSuiteBase<String> {

    @TestEnv MiniClusterTestEnvironment flink = new MiniClusterTestEnvironment();

    @TestExternalSystem PostgresTestResource postgres = new PostgresTestResource();

    @TestContext
    ExternalContextFactory<JdbcSinkExternalContext> context =
            testName -> new JdbcSinkExternalContext(postgres);

    @TestSemantics
    CheckpointingMode[] semantics = {
        CheckpointingMode.EXACTLY_ONCE, CheckpointingMode.AT_LEAST_ONCE
    };
}
