package org.tesseracrm.platform.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.roaringbitmap.RoaringBitmap;

/**
 * An in-memory n-gram index over the records' folded search text, so that a {@code q} of rare words
 * does not scan the table. Every word is indexed by its trigrams and its last two characters; a query
 * word of three or more characters selects the records holding all of its trigrams, one of two the
 * records where those two characters end a word or begin a trigram — a superset of the
 * records that contain it, which the database narrows down with its own {@code LIKE}. Because a
 * superset is enough, the index only ever grows: a changed record is added again under a new slot
 * and deleted ones are left for the database to drop, so no write ever needs to find old entries.
 * It lives as long as its module's service and is rebuilt from the table when that starts.
 */
final class TextIndex {
    /** Beyond this many candidates an id list costs more than scanning the table in list order. */
    static final int MAX_CANDIDATES = 5000;
    /** The third character of the key that marks a word's last two characters. */
    private static final char END = '\u0000';

    private final Map<Integer, RoaringBitmap> postings = new HashMap<>();
    /** Slot → record id as a UUID's two halves; ids that are not UUIDs are kept aside. */
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private final Map<Integer, String> otherIds = new HashMap<>();
    private int slots;
    private volatile boolean complete;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Records {@code text} as the search text of record {@code id}. */
    void add(String id, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int[] grams = new int[text.length()];
        int count = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                for (int j = start; j + 3 <= i; j++) {
                    grams[count++] = key(text.charAt(j), text.charAt(j + 1), text.charAt(j + 2));
                }
                if (i - start >= 2) {
                    grams[count++] = key(text.charAt(i - 2), text.charAt(i - 1), END);
                }
                start = i + 1;
            }
        }
        lock.writeLock().lock();
        try {
            int slot = newSlot(id);
            for (int i = 0; i < count; i++) {
                postings.computeIfAbsent(grams[i], g -> new RoaringBitmap()).add(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int newSlot(String id) {
        int slot = slots++;
        if (slot == high.length) {
            high = Arrays.copyOf(high, slot * 2);
            low = Arrays.copyOf(low, slot * 2);
        }
        try {
            UUID uuid = UUID.fromString(id);
            high[slot] = uuid.getMostSignificantBits();
            low[slot] = uuid.getLeastSignificantBits();
        } catch (IllegalArgumentException notUuid) {
            otherIds.put(slot, id);
        }
        return slot;
    }

    /** Marks the index as holding every record of the table (set once the initial load is done). */
    void completed() {
        lock.writeLock().lock();
        try {
            for (RoaringBitmap b : postings.values()) {
                b.runOptimize();
            }
        } finally {
            lock.writeLock().unlock();
        }
        complete = true;
    }

    /**
     * The ids of the records that may contain every one of {@code words}, or {@code null} when the
     * index cannot narrow the search: not loaded yet, no word of two or more characters, or more
     * than {@link #MAX_CANDIDATES} records.
     */
    Set<String> candidates(List<String> words) {
        return candidates(words, null);
    }

    /**
     * As {@link #candidates(List)}, among the records whose text also holds one of the
     * {@code people} tokens (the owners a caller may see; null for anyone), so a salesperson's
     * search is narrowed to their own records before the limit applies.
     */
    Set<String> candidates(List<String> words, List<String> people) {
        if (!complete) {
            return null;
        }
        // Searches read side by side; only writes wait for each other and for reads.
        lock.readLock().lock();
        try {
            RoaringBitmap found = null;
            for (String word : words) {
                RoaringBitmap holding = holding(word);
                if (holding != null) {
                    found = found == null ? holding : RoaringBitmap.and(found, holding);
                    if (found.isEmpty()) {
                        return Set.of();
                    }
                }
            }
            if (found != null && people != null) {
                List<RoaringBitmap> anyOf = new ArrayList<>();
                for (String person : people) {
                    RoaringBitmap holding = holding(person);
                    if (holding != null) {
                        anyOf.add(holding);
                    }
                }
                found = RoaringBitmap.and(found, RoaringBitmap.or(anyOf.iterator()));
            }
            if (found == null || found.getLongCardinality() > MAX_CANDIDATES) {
                return null;
            }
            Set<String> ids = new LinkedHashSet<>();
            found.forEach((int slot) -> ids.add(idAt(slot)));
            return ids;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The slots whose text may contain {@code word}, or null when the index cannot tell. */
    private RoaringBitmap holding(String word) {
        int n = word.length();
        if (n >= 3) {
            RoaringBitmap found = null;
            for (int i = 0; i + 3 <= n; i++) {
                RoaringBitmap posting = postings.get(key(word.charAt(i), word.charAt(i + 1), word.charAt(i + 2)));
                if (posting == null) {
                    return new RoaringBitmap();
                }
                found = found == null ? posting : RoaringBitmap.and(found, posting);
            }
            return found;
        }
        if (n == 2) {
            // Two characters either end a word or start one of the word's trigrams.
            int prefix = key(word.charAt(0), word.charAt(1), END);
            List<RoaringBitmap> matching = new ArrayList<>();
            for (Map.Entry<Integer, RoaringBitmap> e : postings.entrySet()) {
                if ((e.getKey() & ~0x3FF) == prefix) {
                    matching.add(e.getValue());
                }
            }
            return RoaringBitmap.or(matching.iterator());
        }
        return null;
    }

    private String idAt(int slot) {
        String other = otherIds.get(slot);
        return other != null ? other : new UUID(high[slot], low[slot]).toString();
    }

    /**
     * A trigram's key: the first two characters in the high bits (packed exactly when below 1024, as
     * folded Latin text is, otherwise hashed), the third in the low ten, so the keys of every trigram
     * starting with two given characters share their high bits. Characters sharing a key only widen
     * the superset.
     */
    private static int key(char a, char b, char c) {
        int prefix = a < 1024 && b < 1024 ? a << 10 | b : 0x10_0000 | (a * 31 + b) & 0xF_FFFF;
        return prefix << 10 | c & 0x3FF;
    }
}
