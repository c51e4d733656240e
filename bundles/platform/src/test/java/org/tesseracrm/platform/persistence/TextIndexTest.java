package org.tesseracrm.platform.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Test;
import org.tesseracrm.platform.api.text.TextFolding;

public class TextIndexTest {
    private final TextIndex index = new TextIndex();

    private String add(String text) {
        String id = UUID.randomUUID().toString();
        index.add(id, TextFolding.fold(text));
        return id;
    }

    private Set<String> find(String q) {
        return index.candidates(TextFolding.tokens(q));
    }

    @Test
    public void aQueryFindsEveryRecordContainingAllItsWordsAnywhere() {
        String an = add("Nguyễn Văn An, Công ty Ánh Dương");
        String tam = add("Võ Thanh Tâm, Hải Phòng, tam.vo@example.vn");
        String mai = add("Trần Thị Mai");
        index.completed();

        assertEquals(Set.of(tam), find("vo thanh tam"));
        assertEquals(Set.of(tam), find("Thanh TÂM"));
        assertEquals(Set.of(an), find("guyen"));      // inside a word, as the database's LIKE finds it
        assertEquals(Set.of(tam), find("example.vn")); // and inside an e-mail address
        assertEquals(Set.of(tam, mai), find("ai"));    // a two-letter word narrows by its bigram
        assertEquals(Set.of(), find("zebra"));
    }

    @Test
    public void aSalespersonsSearchIsNarrowedToTheirOwnRecordsBeforeTheLimit() {
        String lan = SearchText.personToken("lan");
        String minh = SearchText.personToken("minh");
        String mine = null;
        for (int i = 0; i <= TextIndex.MAX_CANDIDATES; i++) {
            index.add(UUID.randomUUID().toString(), minh + " " + TextFolding.fold("Phạm Văn " + i));
        }
        mine = UUID.randomUUID().toString();
        index.add(mine, lan + " " + TextFolding.fold("Phạm Thị Lan"));
        index.completed();
        assertNull("too many for anyone", find("pham"));
        assertEquals(Set.of(mine), index.candidates(TextFolding.tokens("pham"), List.of(lan)));
        assertEquals("a person is no word of a search", Set.of(), find("lan lan lan pham thi lan minh"));
    }

    @Test
    public void theIndexNarrowsNothingItCannot() {
        add("Nguyễn Văn An");
        assertNull("not loaded yet", find("nguyen"));
        index.completed();
        assertNull("a one-letter word", find("a"));
        assertNull("no words", index.candidates(List.of()));
    }

    @Test
    public void aChangedRecordIsFoundByItsNewTextAndItsOldTextIsLeftForTheDatabaseToDrop() {
        String id = add("Lê Quốc Bảo");
        index.completed();
        index.add(id, TextFolding.fold("Lê Quốc Huy"));

        assertEquals(Set.of(id), find("huy"));
        assertEquals(Set.of(id), find("bao"));
        assertEquals(Set.of(id), find("quoc"));
    }

    @Test
    public void idsThatAreNotUuidsComeBackAsGiven() {
        index.add("legacy-42", "hoa binh");
        index.completed();
        assertEquals(Set.of("legacy-42"), find("binh"));
    }

    @Test
    public void tooManyCandidatesMeanScanningInstead() {
        for (int i = 0; i <= TextIndex.MAX_CANDIDATES; i++) {
            add("Phạm Minh " + i);
        }
        add("Phạm Thảo");
        index.completed();
        assertNull(find("pham"));
        assertEquals(1, find("pham thao").size());
        assertTrue(find("minh 4999").size() >= 1);
    }

    @Test
    public void lettersBeyondAsciiAreIndexedToo() {
        String id = add("Иван Петров 東京");
        index.completed();
        assertEquals(Set.of(id), find("петров"));
        assertEquals(Set.of(id), find("東京"));
    }
}
