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
}
