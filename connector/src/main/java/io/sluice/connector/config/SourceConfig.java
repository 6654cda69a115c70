package io.sluice.connector.config;

import java.time.Duration;

/**
 * The MySQL or MariaDB server Sluice replicates from.
 *
 * @param host               server host name or address
 * @param port               server port
 * @param user               replication user
 * @param password           the user's password
 * @param serverId           the replica server id Sluice presents; must differ from every other
 *                           replica of the same source
 * @param connectTimeout     how long one connection attempt may take
 * @param heartbeatInterval  how often the server sends a heartbeat while idle, so a dead connection
 *                           is noticed
 * @param reconnectMinBackoff first wait before reconnecting after a lost connection
 * @param reconnectMaxBackoff the wait doubles up to this
 * @param start              where to begin when no checkpoint exists
 */
public record SourceConfig(
        String host,
        int port,
        String user,
        Secret password,
        long serverId,
        Duration connectTimeout,
        Duration heartbeatInterval,
        Duration reconnectMinBackoff,
        Duration reconnectMaxBackoff,
        StartPosition start) {

    /** The largest server id MySQL accepts: server ids are unsigned 32-bit numbers. */
    static final long MAX_SERVER_ID = 4_294_967_295L;

    /** Reads {@code sluice.source}. */
    static SourceConfig from(ConfigReader in) {
        ConfigReader reconnect = in.child("reconnect");
        Duration minBackoff = reconnect.duration("min-backoff", Duration.ofMillis(1));
        Duration maxBackoff = reconnect.duration("max-backoff", Duration.ofMillis(1));
        if (maxBackoff.compareTo(minBackoff) < 0) {
            reconnect.problem("max-backoff", "must not be shorter than "
                    + reconnect.path("min-backoff"));
        }
        return new SourceConfig(
                in.string("host", "the server's host name or IP address, for example host = \"127.0.0.1\""),
                in.integer("port", 1, 65_535),
                in.string("user", "the user Sluice connects as, for example user = \"sluice\""),
                in.secret("password"),
                in.number("server-id", 1, MAX_SERVER_ID),
                in.duration("connect-timeout", Duration.ofMillis(1)),
                in.duration("heartbeat-interval", Duration.ofMillis(1)),
                minBackoff,
                maxBackoff,
                StartPosition.from(in.child("start")));
    }
}
