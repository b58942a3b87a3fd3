package dev.rapport.kernel;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the ordered event log (DESIGN decision 4), appended in the same transaction as the
 * changes it describes. Everything derived (graph index, notifications stream, other nodes) reads it.
 *
 * @param seq the position in the log, assigned by the store at commit; 0 before
 * @param actorId who acted
 * @param subjectId whom it was done to (the followee, the invitation's other member), or 0
 * @param refId what it is about (an invitation id), or 0
 */
public record Event(long seq, EventType type, Instant at, long actorId, long subjectId, long refId) {
  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }

  public Event withSeq(long newSeq) {
    return new Event(newSeq, type, at, actorId, subjectId, refId);
  }
}
