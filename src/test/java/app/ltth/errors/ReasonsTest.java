package app.ltth.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void failuresWithoutAMessageAreSaidInWordsNeverAsAClassName() {
        assertThat(Reasons.of(new CompletionException(new ConnectException()))).isEqualTo("nothing answers at that address");
        assertThat(Reasons.of(new UnknownHostException())).startsWith("the address cannot be found");
        assertThat(Reasons.of(new IllegalStateException())).isEqualTo("no further detail");
        assertThat(Reasons.of(new CompletionException(new ConnectException("Connection refused")))).isEqualTo("Connection refused");
        assertThat(Reasons.of(new CompletionException(new IllegalStateException("Broken pipe")))).isEqualTo("Broken pipe");
        assertThat(Reasons.of(new ExecutionException(new ConnectException()))).isEqualTo("nothing answers at that address");
    }
}
