package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import picocli.CommandLine;

/** {@code ./segments completion}: a bash script that knows every command and option, and completes them in bash. */
class CompletionCommandTest {

    @TempDir
    Path tmp;

    private static String script() {
        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute("completion"));
        assertEquals(0, cli.exitCode(), cli.err());
        return cli.out();
    }

    @Test
    void theScriptNamesEveryCommandAndOption() {
        String script = script();

        assertTrue(script.contains("complete -F _complete_segments"), script);
        check(Segments.commandLine(), script);
    }

    private static void check(CommandLine cmd, String script) {
        cmd.getSubcommands().forEach((name, sub) -> {
            assertTrue(script.contains(name), "command " + name);
            for (CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
                for (String n : option.names()) {
                    assertTrue(script.contains(n), name + " " + n);
                }
            }
            check(sub, script);
        });
    }

    @Test
    void bashCompletesACommandAndItsOptions() throws Exception {
        Path file = Files.writeString(tmp.resolve("segments.bash"), script());

        assertEquals("report", complete(file, "./segments", "rep"));
        assertTrue(complete(file, "./segments", "").contains("completion"));
        assertEquals("--json", complete(file, "segments", "explain", "--js"));
        assertTrue(complete(file, "segments", "config", "check", "--").contains("--warehouse"));
    }

    /** What bash offers for the last word after sourcing the script, one word per line joined by spaces. */
    private static String complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        // compopt works only inside a completion that bash started: a no-op here
        String bash = "compopt() { :; }; source '" + script + "'; COMP_WORDS=(" + quoted(words) + ");"
                + " COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length() + "; _complete_segments;"
                + " echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String quoted(String... words) {
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            s.append(" '").append(w).append("'");
        }
        return s.toString().strip();
    }
}
