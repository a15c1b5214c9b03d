using Gongkai.Features.Search;
using static Gongkai.Tests.Search.SearchIndexTests;

namespace Gongkai.Tests.Search;

/// <summary>Visitor text that breaks query parsers, and the index's life across restarts and damage.</summary>
public sealed class SearchRobustnessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-search-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SearchQuery Text(string? text) => new(text, null, null, null, null, null);

    public static TheoryData<string?> Hostile => new()
    {
        null, "", "   ", "\t\n", "AND(", "*", "?", "\"", "\"低保", "低保\"", "\\", "低保\\", "a:b", "title:低保", "低保~2", "低保^10",
        "(低保", "[1 TO 2]", "{}", "-低保", "+低保", "!", "&&", "||", "NOT", "/regex/", "😀", "低😀保", "\u0000", "\uD800",
        new string('低', 10_000), string.Concat(Enumerable.Repeat("低保 ", 3_000)), "<script>alert(1)</script>", "'; DROP TABLE items;--",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_query_text_never_throws(string? text)
    {
        using var index = SearchIndex.InMemory();
        index.Upsert([Doc(1, "城乡低保标准", body: "低保 AND 拆迁 * \"引号\" \\ 😀")]);
        index.Commit();
        var result = index.Search(Text(text));
        Assert.True(result.Total is 0 or 1);
        Assert.All(result.Hits, h => Assert.DoesNotContain("<script>", h.Snippet + h.TitleHighlighted));
    }

    [Fact]
    public void Hostile_text_gets_sensible_answers()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert([Doc(1, "城乡低保标准"), Doc(2, "拆迁补偿")]);
        index.Commit();
        Assert.Equal(2, index.Search(Text("  ")).Total);        // nothing typed: browse everything
        Assert.Equal(0, index.Search(Text("*")).Total);         // nothing searchable: nothing found, not everything
        Assert.Equal(0, index.Search(Text("😀")).Total);
        Assert.Equal(1, index.Search(Text("\"低保\"")).Total);  // quotes are punctuation, not syntax
        Assert.Equal(1, index.Search(Text("(低保")).Total);
        Assert.Equal(1, index.Search(Text("低保😀")).Total);
        Assert.Equal(0, index.Search(Text("低保 AND 拆迁")).Total); // AND is a word to find, and no item has it
        Assert.Equal(1, index.Search(Text(new string('低', 10_000))).Total + 1); // capped at 100 characters: no item has that
        Assert.Equal(1, index.Search(Text("低保" + new string(' ', 200) + "拆迁")).Total); // only the first 100 characters count
        Assert.Equal(1, index.Search(Text("低")).Total);         // one character works too
    }

    [Fact]
    public void The_index_survives_a_restart_with_its_checkpoint_and_replaces_and_deletes_by_id()
    {
        using (var index = new SearchIndex(_folder))
        {
            Assert.Null(index.Checkpoint);
            Assert.False(index.WasReset);
            index.Upsert([Doc(1, "低保通知"), Doc(2, "拆迁公告"), Doc(3, "医疗救助")]);
            index.Commit(checkpoint: 42);
        }
        using (var index = new SearchIndex(_folder))
        {
            Assert.Equal(3, index.Count);
            Assert.Equal(42, index.Checkpoint);
            Assert.False(index.WasReset);

            index.Upsert([Doc(2, "征收补偿公告")]);
            index.Delete([3]);
            index.Commit();
            Assert.Equal(2, index.Count);
            Assert.Equal(42, index.Checkpoint); // a commit without a position keeps the last one
            Assert.Equal(0, index.Search(Text("拆迁")).Total);
            Assert.Equal(2, index.Search(Text("征收")).Hits.Single().Id);
            Assert.Equal(0, index.Search(Text("医疗")).Total);

            index.Commit(43);
            index.DeleteAll();
            index.Commit();
            Assert.Equal(0, index.Count);
            Assert.Null(index.Checkpoint); // emptied: the caller must rebuild from the start of the log
        }
    }

    [Fact]
    public void A_rebuild_cut_short_by_a_shutdown_leaves_the_old_index_and_checkpoint()
    {
        using (var index = new SearchIndex(_folder))
        {
            index.Upsert([Doc(1, "低保通知"), Doc(2, "拆迁公告")]);
            index.Commit(checkpoint: 42);
            index.DeleteAll();
            index.Upsert([Doc(1, "低保通知")]);
        } // stopped here: item 2 was never re-added
        using (var index = new SearchIndex(_folder))
        {
            Assert.Equal(42, index.Checkpoint);
            Assert.Equal(2, index.Count);
            Assert.Equal(1, index.Search(Text("拆迁")).Total);
        }
    }

    [Fact]
    public void Upserts_and_deletes_apply_in_the_order_they_were_made()
    {
        using var index = SearchIndex.InMemory();
        for (var version = 1; version <= 50; version++)
            index.Upsert([Doc(1, $"第{version}版通知"), Doc(2, "拆迁公告"), Doc(version + 10, "低保")]);
        index.Delete([2]);
        index.Upsert([Doc(3, "医疗救助")]);
        index.Commit();
        Assert.Equal("第50版通知", index.Search(Text("通知")).Hits.Single().Title);
        Assert.Equal(0, index.Search(Text("拆迁")).Total);
        Assert.Equal(1, index.Search(Text("医疗")).Total);
        Assert.Equal(50, index.Search(Text("低保")).Total);
    }

    [Fact]
    public void Uncommitted_changes_are_invisible_until_commit()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert([Doc(1, "低保通知")]);
        Assert.Equal(0, index.Search(Text("低保")).Total);
        index.Commit();
        Assert.Equal(1, index.Search(Text("低保")).Total);
    }

    [Fact]
    public void A_corrupt_index_is_wiped_and_reported_so_the_caller_rebuilds()
    {
        using (var index = new SearchIndex(_folder))
        {
            index.Upsert([Doc(1, "低保通知")]);
            index.Commit(7);
        }
        foreach (var file in Directory.GetFiles(_folder).Where(f => !Path.GetFileName(f).StartsWith("write.lock", StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3]);

        using (var index = new SearchIndex(_folder))
        {
            Assert.True(index.WasReset);
            Assert.NotNull(index.ResetReason);
            Assert.Null(index.Checkpoint);
            Assert.Equal(0, index.Count);
            index.Upsert([Doc(1, "低保通知")]);
            index.Commit(1);
        }
        using (var index = new SearchIndex(_folder))
        {
            Assert.False(index.WasReset);
            Assert.Equal(1, index.Count);
        }
    }

    [Fact]
    public void An_index_of_another_schema_version_is_wiped_so_the_caller_rebuilds()
    {
        using (var index = new SearchIndex(_folder))
        {
            index.Upsert([Doc(1, "低保通知")]);
            index.Commit(7);
        }
        // What an older release left: the same documents under another schema version.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(_folder))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(
                   Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["gongkai.schema"] = "0", ["gongkai.checkpoint"] = "7" });
            writer.Commit();
        }

        using (var index = new SearchIndex(_folder))
        {
            Assert.True(index.WasReset);
            Assert.Contains("schema 0", index.ResetReason);
            Assert.Null(index.Checkpoint); // so SearchIndexer rebuilds from the whole database
            Assert.Equal(0, index.Count);
        }
    }

    [Fact]
    public void A_folder_in_use_is_refused_not_wiped()
    {
        using var first = new SearchIndex(_folder);
        first.Upsert([Doc(1, "低保通知")]);
        first.Commit(5);
        var e = Assert.Throws<SearchIndexLockedException>(() => new SearchIndex(_folder));
        Assert.Contains(_folder, e.Message);
        Assert.Equal(1, first.Search(Text("低保")).Total);
    }

    [Fact]
    public async Task Concurrent_searches_and_updates_do_not_interfere()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert(SearchCorpus.Generate(500));
        index.Commit(1);
        var searches = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++) Assert.True(index.Search(Text("低保")).Total > 0);
        });
        for (var round = 0; round < 20; round++)
        {
            index.Upsert(SearchCorpus.Generate(100, seed: round));
            index.Commit(round + 2);
        }
        await searches;
        Assert.Equal(500, index.Count);
        Assert.Equal(21, index.Checkpoint);
    }
}
