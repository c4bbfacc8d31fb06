package io.github.jdbcv2.tools.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo copies a small table exactly-once and finds source and target equal; bad arguments are
 * rejected.
 */
class DemoJobTest {

    @Test
    void copiesASmallTableExactlyOnce() throws Exception {
        DemoOptions options =
                DemoOptions.parse(
                        new String[] {
                            "--rows", "3000", "--parallelism", "2", "--checkpoint-ms", "100"
                        });
        assertThat(DemoJob.run(options)).isTrue();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--rows", "0"}))
                .hasMessageContaining("--rows 0");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--guarantee", "maybe"}))
                .hasMessageContaining("exactly-once or at-least-once");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--url", "jdbc:mysql://x/y"}))
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void rejectedUrlIsShownWithoutItsPassword() {
        assertThatThrownBy(
                        () ->
                                DemoOptions.parse(
                                        new String[] {
                                            "--url", "jdbc:mysql://root:S3cret@x/y?password=P4ss"
                                        }))
                .hasMessageContaining("jdbc:mysql://root:")
                .hasMessageNotContaining("S3cret")
                .hasMessageNotContaining("P4ss");
    }
}
