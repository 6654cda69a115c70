package io.sluice.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free-port lookup and a plain "is anything listening" probe on the loopback interface. Thread-safe. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port nothing listens on right now and that this JVM has not handed out before: a stopped
     * server keeps its port for its restart, and the OS, which picks the port, may offer a just-closed
     * one again. Another process could still take it before the server binds, which is rare enough
     * on a test machine to accept.
     */
    static int free() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind any port on " + LOOPBACK, e);
            }
        }
    }

    /** Whether a TCP connection to {@code port} on the loopback interface succeeds. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
