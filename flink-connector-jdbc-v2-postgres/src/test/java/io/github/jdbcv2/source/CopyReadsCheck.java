package io.github.jdbcv2.source;

import io.github.jdbcv2.testutils.LogCapture;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the split readers of a test read through PostgreSQL's binary COPY and never fell back
 * to a cursor, so that the core source tests re-run in this module really cover the COPY path.
 */
final class CopyReadsCheck implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CopyReadsCheck.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE)
                .put(
                        "log",
                        LogCapture.start("io.github.jdbcv2.source.reader.JdbcSourceSplitReader"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try (LogCapture log = context.getStore(NAMESPACE).remove("log", LogCapture.class)) {
            if (context.getExecutionException().isPresent()) {
                return;
            }
            String text = log.getText();
            assertThat(text)
                    .as("split readers that used a cursor")
                    .doesNotContain("with a JDBC cursor");
            if (text.contains("Reading split")) {
                assertThat(text).as("split readers").contains("with PgCopyQueryReader");
            }
        }
    }
}
