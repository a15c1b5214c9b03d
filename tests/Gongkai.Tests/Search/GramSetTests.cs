using Gongkai.Features.Search;
using static Gongkai.Tests.Search.SearchIndexTests;

namespace Gongkai.Tests.Search;

/// <summary>
/// The gram set: which trigrams and four-grams the index keeps (only those made of frequent parts),
/// and how a query run is covered by them. Exactness does not depend on it (SearchRecallTests check
/// that); speed does, so these check that common runs do take the gram path and rare ones do not.
/// </summary>
public sealed class GramSetTests
{
    // 100 items: 低保标准 in every one, 城乡 in every other, 拆迁 in one.
    private static List<SearchDocument> Sample() =>
        Enumerable.Range(1, 100).Select(i => Doc(i, "通知", body: (i % 2 == 0 ? "城乡" : "") + "低保标准调整。" + (i == 1 ? "拆迁" : ""))).ToList();

    [Fact]
    public void Trigrams_and_four_grams_of_frequent_parts_are_kept_and_rare_ones_are_not()
    {
        var grams = GramSet.Learn(Sample(), complete: false);
        Assert.True(grams.HasTrigram('低', '保', '标'));
        Assert.True(grams.HasFourGram('低', '保', '标', '准'));
        Assert.True(grams.HasTrigram('乡', '低', '保'));      // in half the items: frequent
        Assert.False(grams.HasTrigram('准', '拆', '迁'));     // 拆迁 is in one item
        Assert.False(grams.HasTrigram('保', '拆', '迁'));
    }

    [Fact]
    public void A_run_is_covered_by_the_longest_kept_grams_or_not_at_all()
    {
        var grams = GramSet.Learn(Sample(), complete: false);
        Assert.Equal([("低保标", 0)], grams.Cover("低保标")!);
        Assert.Equal([("低保标准", 0)], grams.Cover("低保标准")!);
        Assert.Equal([("城乡低保", 0), ("低保标准", 2)], grams.Cover("城乡低保标准")!);
        Assert.Null(grams.Cover("标准拆迁"));  // holds a rare bigram: the bigram phrase is fast
        Assert.Null(grams.Cover("低保"));      // two characters: one bigram term
        Assert.Null(GramSet.None.Cover("低保标准"));
    }

    [Fact]
    public void The_set_survives_the_round_trip_through_commit_data()
    {
        var grams = GramSet.Learn(Sample(), complete: true);
        var back = GramSet.Parse(grams.Serialize());
        Assert.Equal(grams.FrequentBigrams, back.FrequentBigrams);
        Assert.Equal(grams.FrequentTrigrams, back.FrequentTrigrams);
        Assert.Equal(100, back.Sampled);
        Assert.True(back.Complete);
        Assert.Equal(grams.Cover("城乡低保标准"), back.Cover("城乡低保标准"));
    }

    [Fact]
    public void A_set_learnt_from_a_small_sample_goes_stale_as_the_index_grows_and_a_full_one_never()
    {
        var small = GramSet.Learn(Sample(), complete: false);
        Assert.False(small.IsStaleFor(399));
        Assert.False(small.IsStaleFor(1_999)); // still small: every search is fast anyway
        Assert.True(small.IsStaleFor(2_000));
        Assert.False(GramSet.Learn(Sample(), complete: true).IsStaleFor(10_000_000));
    }

    [Fact]
    public void The_index_learns_its_set_at_the_first_commit_and_keeps_it_across_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-grams-").FullName;
        try
        {
            using (var index = new SearchIndex(folder))
            {
                index.Upsert(Sample());
                Assert.Equal(0, index.Grams.Sampled); // held back until there is something to learn from
                index.Commit(1);
                Assert.Equal(100, index.Grams.Sampled);
                Assert.NotNull(index.Grams.Cover("低保标准"));
                Assert.Equal(100, index.Search(new SearchQuery("低保标准", null, null, null, null, null)).Total);
            }
            using (var index = new SearchIndex(folder))
            {
                Assert.Equal(100, index.Grams.Sampled);
                Assert.NotNull(index.Grams.Cover("低保标准"));
                Assert.Equal(50, index.Search(new SearchQuery("城乡低保标准", null, null, null, null, null)).Total);
                Assert.Equal(1, index.Search(new SearchQuery("调整。拆迁", null, null, null, null, null)).Total);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void During_a_rebuild_searches_keep_reading_the_old_index_with_its_own_set()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert(Sample());
        index.Commit(1);
        index.DeleteAll();
        index.Upsert(Enumerable.Range(1, 100).Select(i => Doc(i, "公告", body: "拆迁补偿安置方案。")));
        Assert.Equal(100, index.Search(new SearchQuery("低保标准", null, null, null, null, null)).Total); // not committed yet
        Assert.Equal(0, index.Search(new SearchQuery("拆迁补偿", null, null, null, null, null)).Total);
        index.Commit(2);
        Assert.Equal(0, index.Search(new SearchQuery("低保标准", null, null, null, null, null)).Total);
        Assert.Equal(100, index.Search(new SearchQuery("拆迁补偿", null, null, null, null, null)).Total);
        Assert.NotNull(index.Grams.Cover("拆迁补偿"));
    }

    [Fact]
    public void A_set_learnt_from_other_words_still_finds_every_match_after_upserts_deletes_and_a_restart()
    {
        // The set comes from the first commit (低保标准…); the items added later use other words, so
        // most of their 3- and 4-character runs take the bigram phrase, some the grams: both must be exact.
        var folder = Directory.CreateTempSubdirectory("gongkai-grams-").FullName;
        try
        {
            var docs = Sample().Take(40).ToList();
            var later = SearchCorpus.Generate(400, seed: 11).Select(d => d with { Id = d.Id + 1_000 }).ToList();
            using (var index = new SearchIndex(folder))
            {
                index.Upsert(docs);
                index.Commit(1);
                index.Upsert(later);
                index.Delete(later.Where(d => d.Id % 7 == 0).Select(d => d.Id));
                index.Upsert(later.Where(d => d.Id % 11 == 0).Select(d => d with { Body = d.Body + "低保标准调整" }));
                index.Commit(2);
            }
            // Deleted unless upserted again after the delete.
            var live = docs.Concat(later.Where(d => d.Id % 7 != 0 || d.Id % 11 == 0).Select(d => d.Id % 11 == 0 ? d with { Body = d.Body + "低保标准调整" } : d)).ToList();
            using (var index = new SearchIndex(folder))
            {
                Assert.Equal(40, index.Grams.Sampled);
                var random = new Random(5);
                for (var checkedNeedles = 0; checkedNeedles < 60;)
                {
                    var body = live[random.Next(live.Count)].Body;
                    var length = 3 + checkedNeedles % 3;
                    if (body.Length < length) continue;
                    var needle = body.Substring(random.Next(body.Length - length + 1), length);
                    if (!needle.All(SearchCorpus.IsHan)) continue;
                    checkedNeedles++;
                    var found = SearchCorpus.AllIds(index, needle, out var total);
                    var expected = SearchCorpus.Truth(live, needle);
                    Assert.True(expected.SetEquals(found), $"'{needle}': expected {expected.Count}, found {found.Count}");
                    Assert.Equal(expected.Count, total);
                }
                Assert.Equal(SearchCorpus.Truth(live, "低保标准").Count, index.Search(new SearchQuery("低保标准", null, null, null, null, null)).Total);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_common_run_is_found_in_every_field_the_bigrams_cover_including_the_index_number()
    {
        using var index = SearchIndex.InMemory();
        index.Upsert(Sample());
        index.Upsert([
            Doc(201, "公告", body: "正文。", attachment: "附件：城乡低保标准表"),
            Doc(202, "公告", body: "正文。", number: "城乡低保标准〔2026〕1号"),
            Doc(203, "公告", body: "正文。", indexNumber: "城乡低保标准/2026-00001"),
            Doc(204, "城乡低保标准", body: "正文。"),
        ]);
        index.Commit(1);
        Assert.NotNull(index.Grams.Cover("城乡低保标准"));
        var found = SearchCorpus.AllIds(index, "城乡低保标准", out var total);
        Assert.Equal(54, total); // the 50 sample items with 城乡 and these four
        Assert.Subset(found, new HashSet<long> { 201, 202, 203, 204 });
    }
}
