package org.retentionsegments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.retentionsegments.fixtures.RunFixtures;
import org.retentionsegments.fixtures.RunFixtures.Captured;
import picocli.CommandLine;

/** Every command's {@code --help} lists its exit codes, and the codes the commands return are listed. */
class CommandLineHelpTest {

    @TempDir
    Path tmp;

    /** Every command and subcommand, as its words on the command line ("" for the root). */
    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        walk(Segments.commandLine(), "", paths);
        return paths.stream();
    }

    private static void walk(CommandLine cmd, String path, List<String> paths) {
        paths.add(path);
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                walk(sub, (path + " " + name).strip(), paths);
            }
        });
    }

    private static String help(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        Captured help = RunFixtures.capture(() -> Segments.commandLine().execute(args.toArray(String[]::new)));
        assertEquals(0, help.exitCode(), help.err());
        return help.out();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyHelpListsTheExitCodes(String command) {
        String help = help(command);

        assertTrue(help.contains("\nExit codes:\n  0   "), command + ":\n" + help);
        assertTrue(help.contains("\n  " + Errors.USAGE + "   wrong usage"), command + ":\n" + help);
        if (!command.equals("completion")) {
            assertTrue(help.contains("\n  " + ExitCodes.FAILURE + "   "), command + ":\n" + help);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --orders orders.csv --parallelism 0 --warehouse jdbc:duckdb:TMP/w.duckdb | 1",
        "run --orders orders.csv --as-of 2024-02-30 | 2",
        "demo --customers 0 | 2",
        "stream | 2",
        "generate --customers 0 | 2",
        "report --warehouse jdbc:duckdb:TMP/missing.duckdb | 1",
        "explain --customer c1 --warehouse jdbc:duckdb:TMP/missing.duckdb | 1",
        "config check --warehouse jdbc:duckdb:TMP/missing.duckdb | 1",
        "config check --config TMP/missing | 1",
        "models apply --warehouse jdbc:duckdb:TMP/missing.duckdb | 1",
        "models test --warehouse jdbc:duckdb:TMP/missing.duckdb | 1",
        "cluster --warehouse jdbc:duckdb:TMP/missing.duckdb | 1",
        "cluster --k-range 2to5 --warehouse jdbc:duckdb:TMP/missing.duckdb | 1",
        "completion --bash | 2"})
    void aCommandReturnsACodeItsHelpLists(String args, int code) {
        String[] words = args.replace("TMP", tmp.toString()).split(" ");
        Captured cli = RunFixtures.capture(() -> Segments.commandLine().execute(words));

        assertEquals(code, cli.exitCode(), cli.err());
        String command = words[0].equals("config") || words[0].equals("models") ? words[0] + " " + words[1] : words[0];
        assertTrue(help(command).contains("\n  " + code + "   "), command + " documents " + code);
    }
}
