package org.retentionsegments.flink;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.runtime.rpc.RpcSystemLoader;
import org.apache.flink.runtime.rpc.exceptions.RpcLoaderException;

/**
 * Flink's RPC system (Pekko) from the class path, where the launcher's {@code lib/} has it, ahead
 * of Flink's own loader. Flink's loader ({@code PekkoRpcSystemLoader}) copies the 21 MB
 * {@code flink-rpc-akka.jar} it carries to a new temporary file at every start and loads Pekko's
 * and Scala's classes from there through a class loader of its own: read, verified and linked
 * anew by every run, and out of reach of the launcher's class-data archive. The build puts that
 * same jar in {@code lib/} (pipeline/pom.xml, {@code unpack-rpc-system}), where the class path's
 * loader, and so the archive, have its classes.
 *
 * <p>Where the jar is not on the class path (the tests' class path, a Flink cluster's processes,
 * which never see this loader anyway), this loader fails and Flink's own loader, next in
 * priority, loads the RPC system as it always does.
 */
public final class ClassPathRpcSystemLoader implements RpcSystemLoader {

    /** Ahead of Flink's own loader (priority 0; the lowest is asked first). */
    static final int LOAD_PRIORITY = -1;

    @Override
    public int getLoadPriority() {
        return LOAD_PRIORITY;
    }

    @Override
    public RpcSystem loadRpcSystem(Configuration config) {
        try {
            return ServiceLoader.load(RpcSystem.class, ClassPathRpcSystemLoader.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new RpcLoaderException("no RPC system on the class path (flink-rpc-akka.jar);"
                            + " Flink's own loader takes over"));
        } catch (ServiceConfigurationError | LinkageError e) {
            // an Error would end Flink's search; an exception lets its own loader take over
            throw new RpcLoaderException("the RPC system on the class path cannot be loaded: " + e, e);
        }
    }
}
