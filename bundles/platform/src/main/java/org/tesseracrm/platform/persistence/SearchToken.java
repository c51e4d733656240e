package org.tesseracrm.platform.persistence;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.tesseracrm.platform.api.text.TextFolding;

/**
 * One folded word of a record's searchable text ({@code tessera_search_token}, written by the
 * platform with the record). Lists find records by word prefix through its (collection, token)
 * key instead of scanning their table.
 */
@Entity(name = "SearchToken")
@Table(name = "tessera_search_token")
@IdClass(SearchToken.Key.class)
public class SearchToken {
    static final int MAX_LENGTH = 60;
    static final int MAX_TOKENS = 64;

    @Id
    @Column(length = 32)
    String collection;
    @Id
    @Column(length = MAX_LENGTH)
    String token;
    @Id
    @Column(length = 36)
    String recordId;

    protected SearchToken() {
    }

    SearchToken(String collection, String token, String recordId) {
        this.collection = collection;
        this.token = token;
        this.recordId = recordId;
    }

    /** The distinct words of folded text, as stored. */
    static Set<String> tokens(String searchText) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String t : TextFolding.tokens(searchText)) {
            if (tokens.size() == MAX_TOKENS) {
                break;
            }
            tokens.add(prefix(t));
        }
        return tokens;
    }

    /** A word as stored: long words keep their first {@value #MAX_LENGTH} characters. */
    static String prefix(String token) {
        return token.length() > MAX_LENGTH ? token.substring(0, MAX_LENGTH) : token;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String collection;
        String token;
        String recordId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && Objects.equals(collection, ((Key) o).collection)
                    && Objects.equals(token, ((Key) o).token) && Objects.equals(recordId, ((Key) o).recordId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(collection, token, recordId);
        }
    }
}
