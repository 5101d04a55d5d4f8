package ma.tadafor.ingestion.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import ma.tadafor.ingestion.simulator.CommuneFeed.Page;

/**
 * A page's body, streamed: FeedJson's page envelope, written with an empty items array and split
 * there, around the items' pre-written JSON. Its length is known, so nothing is built whole.
 */
final class PageBody {

    private static final byte[] EMPTY_ITEMS = "\"items\":[]".getBytes(StandardCharsets.UTF_8);

    private final byte[] head;
    private final byte[] tail;
    private final List<byte[]> items;

    private PageBody(byte[] head, byte[] tail, List<byte[]> items) {
        this.head = head;
        this.tail = tail;
        this.items = items;
    }

    static PageBody of(ItemJson itemJson, String communeCode, Page page) {
        String nextPageToken = page.next() == null ? null : page.next().token(itemJson.mapper());
        byte[] envelope = itemJson.mapper().writeValueAsBytes(
                itemJson.feedJson().page(communeCode, page.generatedAt().toString(), List.of(), nextPageToken));
        int split = indexOf(envelope, EMPTY_ITEMS) + EMPTY_ITEMS.length - 1;
        return new PageBody(Arrays.copyOfRange(envelope, 0, split), Arrays.copyOfRange(envelope, split, envelope.length),
                page.items().stream().map(item -> item.served(itemJson)).toList());
    }

    long length() {
        long length = head.length + tail.length + Math.max(0, items.size() - 1);
        for (byte[] item : items) {
            length += item.length;
        }
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(head);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(items.get(i));
        }
        out.write(tail);
    }

    /** Where {@code part} first starts: the envelope's own {@code "items":[]}, as the strings before it are escaped. */
    private static int indexOf(byte[] bytes, byte[] part) {
        for (int start = 0; start <= bytes.length - part.length; start++) {
            if (Arrays.equals(bytes, start, start + part.length, part, 0, part.length)) {
                return start;
            }
        }
        throw new IllegalStateException("FeedJson's page has no items array");
    }
}
