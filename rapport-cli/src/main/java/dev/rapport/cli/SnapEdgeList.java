package dev.rapport.cli;

import dev.rapport.importing.NetworkImport;
import dev.rapport.member.NewMember;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SNAP edge lists (snap.stanford.edu): one connection per line as two node ids, non-negative
 * integers separated by spaces or tabs; lines starting with {@code #} are comments; columns after
 * the second (a weight, a time) are ignored. The graph is read as undirected, so a connection
 * listed both ways counts once.
 *
 * <p>Node {@code 42} becomes the member {@code u42}, named "User 42". Handles have at least three
 * characters, so ids under 10 are written with two digits: node {@code 7} is {@code u07}.
 */
final class SnapEdgeList {
  private SnapEdgeList() {}

  /** @throws IllegalArgumentException naming the file and line of the first malformed line */
  static ImportSource read(List<Path> files) {
    NetworkImport network = new NetworkImport();
    Map<Long, Integer> people = new HashMap<>();
    for (Path file : files) {
      read(file, network, people);
    }
    return new ImportSource(network, Map.of(), List.of());
  }

  static String handle(long id) {
    return id < 10 ? "u0" + id : "u" + id;
  }

  private static void read(Path file, NetworkImport network, Map<Long, Integer> people) {
    // The ids are ASCII; reading bytes as Latin-1 lets a stray byte fail as a malformed line.
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      long number = 0;
      long[] ends = new long[2];
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        int start = skipBlanks(line, 0);
        if (start == line.length() || line.charAt(start) == '#') {
          continue;
        }
        if (!parsePair(line, start, ends)) {
          throw ImportFiles.malformedAt(file, number, "expected two node ids (non-negative integers) "
              + "separated by a space or tab, found " + ImportFiles.quoted(line));
        }
        network.connect(person(ends[0], network, people), person(ends[1], network, people));
      }
    } catch (IOException e) {
      throw ImportFiles.unreadable(file, e);
    }
  }

  private static int person(long id, NetworkImport network, Map<Long, Integer> people) {
    return people.computeIfAbsent(id, _ -> network.person(NewMember.person(handle(id), "User " + id)));
  }

  /** Reads two ids from {@code start} into {@code ends}; false unless the line holds them. */
  private static boolean parsePair(String line, int start, long[] ends) {
    int at = start;
    for (int k = 0; k < 2; k++) {
      int digits = at;
      long value = 0;
      while (at < line.length() && line.charAt(at) >= '0' && line.charAt(at) <= '9') {
        if (value > (Long.MAX_VALUE - 9) / 10) {
          return false;
        }
        value = value * 10 + (line.charAt(at) - '0');
        at++;
      }
      boolean endsHere = at == line.length() || isBlank(line.charAt(at));
      if (at == digits || !endsHere) {
        return false;
      }
      ends[k] = value;
      at = skipBlanks(line, at);
      if (k == 0 && at == line.length()) {
        return false;
      }
    }
    return true;
  }

  private static int skipBlanks(String line, int from) {
    int at = from;
    while (at < line.length() && isBlank(line.charAt(at))) {
      at++;
    }
    return at;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
