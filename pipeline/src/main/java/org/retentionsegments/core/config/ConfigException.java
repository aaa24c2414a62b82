package org.retentionsegments.core.config;

/**
 * A configuration file is missing, unreadable or invalid. The message is one line naming the
 * file, the place in it (segment, strategy or key path) and the problem, e.g.
 * {@code segments.yaml: segment 'Loyal': r range 4-7 is outside 1-5}.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
