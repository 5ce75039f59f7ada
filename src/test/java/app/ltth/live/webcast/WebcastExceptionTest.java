package app.ltth.live.webcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class WebcastExceptionTest {

    @Test
    void theReasonIsInWordsNeverAClassName() {
        assertThat(WebcastException.reason(new CompletionException(new IllegalStateException("Broken pipe"))))
                .isEqualTo("Broken pipe");
        assertThat(WebcastException.reason(new ExecutionException(new ConnectException())))
                .isEqualTo("nothing answers at that address");
        assertThat(WebcastException.reason(new IllegalStateException())).isEqualTo("no further detail");
    }
}
