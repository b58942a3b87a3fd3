package dev.rapport.bench.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server process's memory as the operating system and its own JVM tell it: the heap in use
 * right after a full collection (live objects only, by {@code jcmd GC.run} and {@code GC.heap_info}
 * of the JDK that runs this generator) and the resident set. Linux only.
 *
 * @param liveHeapBytes the heap used after a full collection
 * @param residentBytes the process's resident set ({@code VmRSS})
 */
record ServerMemory(long liveHeapBytes, long residentBytes) {
  /** G1 states the heap in use in K, ZGC in M (or G). */
  private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  /** Collects the server's garbage, then reads its heap and resident set. */
  static ServerMemory of(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Matcher used = find(USED, jcmd(pid, "GC.heap_info"));
    long heap = Long.parseLong(used.group(1)) << switch (used.group(2)) {
      case "K" -> 10;
      case "M" -> 20;
      default -> 30;
    };
    long rss = Long.parseLong(find(RSS, Files.readString(Path.of("/proc", Long.toString(pid), "status"))).group(1)) << 10;
    return new ServerMemory(heap, rss);
  }

  private static Matcher find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in: " + text);
    }
    return m;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    Process process = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid), command)
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }
}
