package dev.gatehouse.local;

import java.util.Comparator;
import java.util.List;

/**
 * What the local run's SMS stub and SMTP server received, read per destination. Messages arrive only through the
 * real delivery paths, so the inbox shows exactly what a person would have received.
 */
public final class DevInbox {

    private final List<MessageSource> sources;

    DevInbox(List<MessageSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Newest first: the code a person is waiting for is the first one. */
    public List<InboxMessage> messagesTo(String destination) {
        return sources.stream()
                .flatMap(source -> source.messagesTo(destination).stream())
                .sorted(Comparator.comparing(InboxMessage::sentAt).reversed())
                .toList();
    }
}
