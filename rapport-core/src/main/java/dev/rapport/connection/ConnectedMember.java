package dev.rapport.connection;

import dev.rapport.model.Member;
import java.time.Instant;

/**
 * A member on a connection list, with when the connection was made (C3: the acceptance).
 *
 * @param member the connection
 * @param connectedAt when the invitation between them was accepted
 */
public record ConnectedMember(Member member, Instant connectedAt) {
}
