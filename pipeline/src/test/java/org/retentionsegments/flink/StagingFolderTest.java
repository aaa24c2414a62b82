package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves in the temporary folder is removed by the next run, and only that. */
class StagingFolderTest {

    @TempDir Path tmp;

    private Path runFolder(String name, Long owner) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(StagingFolder.PREFIX + name));
        Files.write(Files.createDirectories(dir.resolve("flink")).resolve("spill"), new byte[3 << 20]);
        if (owner != null) {
            Files.writeString(dir.resolve("owner.pid"), owner.toString());
        }
        return dir;
    }

    @Test
    void foldersOfDeadRunsGoAndThoseOfLiveOnesStay() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = runFolder("dead", finished.pid());
        Path ownerless = runFolder("ownerless", null);
        Path live = runFolder("live", ProcessHandle.current().pid());
        Path unrelated = Files.createDirectories(tmp.resolve("someone-else"));

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        StagingFolder.removeDead(tmp, new PrintStream(said, true, StandardCharsets.UTF_8));

        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(ownerless));
        assertTrue(Files.exists(live.resolve("flink/spill")), "a running run keeps its folder");
        assertTrue(Files.exists(unrelated));
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(2, text.lines().count(), text);
        assertTrue(text.contains(dead + " (3 MB), left by a run that stopped before it finished"), text);
    }
}
