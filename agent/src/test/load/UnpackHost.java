import io.sriovagent.hosttree.HostTreeArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unpacks fixture host archives into a directory for the load script: {@code java -cp sriov-agent.jar
 * UnpackHost.java TARGET ARCHIVE...} (later archives overlay earlier ones).
 */
public final class UnpackHost {

    private UnpackHost() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            HostTreeArchive.unpack(Files.readString(Path.of(args[i]), StandardCharsets.UTF_8), target);
        }
    }
}
