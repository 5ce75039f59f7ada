package app.ltth.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File operations on untrusted input: copies that stop at a size limit, and deleting a whole folder. */
public final class SafeFiles {

    private SafeFiles() {
    }

    /** Copies at most {@code limit} bytes. @return the bytes written, or -1 when the input is larger (the copy is partial) */
    public static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                written += n;
                if (written > limit) return -1;
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    /** Deletes a folder with everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
