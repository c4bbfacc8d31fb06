package io.github.jdbcv2.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcSourceContinuousITCase} again, with the PostgreSQL dialect on the classpath: splits
 * are read through binary COPY and discovery checks PostgreSQL for open transactions.
 */
@ExtendWith(CopyReadsCheck.class)
class PgCopyJdbcSourceContinuousITCase extends JdbcSourceContinuousITCase {

    /**
     * The late commit of {@link #aRowCommittedLateBelowTheMarkIsLostWithoutLagOrCommitCheck} with
     * no lag: the commit check (on by default) holds the mark below the open transaction's rows, so
     * id 201 is read and nothing is lost.
     */
    @Test
    void aRowCommittedLateIsReadWithTheCommitHorizonCheck() throws Exception {
        List<Long> read = readWithALateCommit("late-horizon", b -> b, 0);
        assertThat(read)
                .isEqualTo(LongStream.rangeClosed(1, 601).boxed().collect(Collectors.toList()));
    }
}
