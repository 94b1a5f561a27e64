package dev.gatehouse.local;

import java.util.List;

/** A delivery path that keeps what it was given, so the dev inbox can show it. */
@FunctionalInterface
interface MessageSource {

    /** Every message this source holds for the destination, in any order. */
    List<InboxMessage> messagesTo(String destination);
}
