package org.retentionsegments.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcService;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;
import org.apache.flink.runtime.rpc.pekko.PekkoRpcSystemLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's RPC system comes from the class path where the launcher's lib/ puts its jar, and from
 * Flink's own loader everywhere else.
 */
class ClassPathRpcSystemLoaderTest {

    private static final String PEKKO_RPC_SYSTEM = "org.apache.flink.runtime.rpc.pekko.PekkoRpcSystem";

    @TempDir Path tmp;

    @Test
    void withoutTheJarOnTheClassPathFlinksOwnLoaderTakesOver() throws Exception {
        // the tests' class path has flink-rpc-akka-loader, not the jar it carries
        assertThrows(RpcLoaderException.class, () -> new ClassPathRpcSystemLoader().loadRpcSystem(new Configuration()));
        try (RpcSystem system = RpcSystem.load(new Configuration())) {
            assertNotEquals(PEKKO_RPC_SYSTEM, system.getClass().getName(), "Flink's loader wraps the system it loads");
            RpcService service = system.localServiceBuilder(new Configuration()).createAndStart();
            assertNotNull(service.getAddress());
            service.closeAsync().get();
        }
    }

    @Test
    void withTheJarOnTheClassPathTheSystemIsLoadedFromIt() throws Exception {
        // the class path of the launcher: every jar of the tests' class path plus lib/flink-rpc-akka.jar,
        // which the build unpacks from flink-rpc-akka-loader as this test does
        Path rpcJar = tmp.resolve("flink-rpc-akka.jar");
        try (InputStream in = PekkoRpcSystemLoader.class.getClassLoader().getResourceAsStream("flink-rpc-akka.jar")) {
            assertNotNull(in, "flink-rpc-akka-loader carries flink-rpc-akka.jar");
            Files.copy(in, rpcJar);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(rpcJar.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader launcher = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(launcher); // Flink finds the RPC system loaders through it
            Class<?> configuration = launcher.loadClass(Configuration.class.getName());
            Class<?> rpcSystem = launcher.loadClass(RpcSystem.class.getName());
            Class<?> builder = launcher.loadClass(RpcSystem.RpcServiceBuilder.class.getName());
            Class<?> rpcService = launcher.loadClass(RpcService.class.getName());
            Object system = rpcSystem.getMethod("load", configuration).invoke(null, configuration.getConstructor().newInstance());
            try {
                assertEquals(PEKKO_RPC_SYSTEM, system.getClass().getName(),
                        "the system itself, not Flink's loader's wrapper around a copy of the jar");
                assertSame(launcher, system.getClass().getClassLoader());
                // it works: a local RPC service starts, has an address and stops
                Object service = builder.getMethod("createAndStart").invoke(rpcSystem.getMethod("localServiceBuilder",
                        configuration).invoke(system, configuration.getConstructor().newInstance()));
                assertNotNull(rpcService.getMethod("getAddress").invoke(service));
                ((CompletableFuture<?>) rpcService.getMethod("closeAsync").invoke(service)).get();
            } finally {
                ((AutoCloseable) system).close();
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
