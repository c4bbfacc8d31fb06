package io.github.jdbcv2.tools.quickstart;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quick start's arguments: what Maven passes, the sizes, and bad input named. */
class QuickstartOptionsTest {

    private static final String[] FROM_MAVEN = {
        "--sql-jar", "../../flink-sql-connector-jdbc-v2/target/x.jar", "--classpath-file", "cp.txt"
    };

    private static QuickstartOptions parse(String... extra) {
        String[] args = new String[FROM_MAVEN.length + extra.length];
        System.arraycopy(FROM_MAVEN, 0, args, 0, FROM_MAVEN.length);
        System.arraycopy(extra, 0, args, FROM_MAVEN.length, extra.length);
        return QuickstartOptions.parse(args);
    }

    @Test
    void defaultsAreTheSampleSizesAndAbsolutePaths() {
        QuickstartOptions o = parse();
        assertThat(o.customers).isEqualTo(1_000);
        assertThat(o.orders).isEqualTo(100_000L);
        assertThat(o.database).isEqualTo("shop");
        assertThat(o.noWait).isFalse();
        assertThat(o.sqlJar).isAbsolute();
        assertThat(o.sqlJar.endsWith("flink-sql-connector-jdbc-v2/target/x.jar")).isTrue();
        assertThat(o.sqlJar.toString()).doesNotContain("..");
        assertThat(o.classpathFile).isAbsolute();
        assertThat(o.dir).isAbsolute();
        assertThat(o.dir.endsWith("target/sql-quickstart")).isTrue();
    }

    @Test
    void sizesDatabaseDirAndNoWaitAreTaken() {
        QuickstartOptions o =
                parse(
                        "--orders",
                        "1_000_000",
                        "--customers",
                        "50",
                        "--database",
                        "shop_2",
                        "--dir",
                        "/tmp/qs",
                        "--no-wait");
        assertThat(o.orders).isEqualTo(1_000_000L);
        assertThat(o.customers).isEqualTo(50);
        assertThat(o.database).isEqualTo("shop_2");
        assertThat(o.dir).isEqualTo(Paths.get("/tmp/qs"));
        assertThat(o.noWait).isTrue();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> parse("--orders", "0")).hasMessageContaining("--orders 0");
        assertThatThrownBy(() -> parse("--orders", "many")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse("--customers", "3000000000"))
                .hasMessageContaining("between 1 and 2147483647");
        assertThatThrownBy(() -> parse("--database", "Shop; DROP"))
                .hasMessageContaining("Invalid --database 'Shop; DROP'");
        assertThatThrownBy(() -> parse("--rows", "5"))
                .hasMessageContaining("Unknown option --rows");
        assertThatThrownBy(() -> parse("--orders")).hasMessageContaining("--orders needs a value");
        assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--help"}))
                .hasMessageContaining("Usage: SqlQuickstart");
    }

    @Test
    void withoutTheBuildsPathsItSaysHowToRunIt() {
        assertThatThrownBy(() -> QuickstartOptions.parse(new String[0]))
                .hasMessageContaining("--sql-jar")
                .hasMessageContaining(
                        "./mvnw -q -pl tools/sql-quickstart -am package -DskipTests exec:exec");
    }
}
