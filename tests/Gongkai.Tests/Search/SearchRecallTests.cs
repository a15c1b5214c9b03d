using Gongkai.Features.Search;

namespace Gongkai.Tests.Search;

/// <summary>
/// The requirement: every item containing the query is found (recall 100%), and only those
/// (precision 100%), for contiguous Chinese substrings of 1 to 6 characters: 1 a prefix over bigrams,
/// 2 a bigram, 3 and 4 a single n-gram term, 5 and more a phrase behind an n-gram filter. The truth is
/// string.Contains over the generated texts.
/// </summary>
public sealed class SearchRecallTests : IClassFixture<SearchRecallTests.Corpus>
{
    public sealed class Corpus : IDisposable
    {
        public List<SearchDocument> Docs { get; } = SearchCorpus.Generate(5_000);
        public SearchIndex Index { get; } = SearchIndex.InMemory();

        public Corpus()
        {
            Index.Upsert(Docs);
            Index.Commit();
            // The words repeat, so most 3- and 4-character substrings take the gram path: both paths are checked.
            Assert.True(Index.Grams.FrequentTrigrams > 100);
        }

        public void Dispose() => Index.Dispose();
    }

    private readonly Corpus _corpus;

    public SearchRecallTests(Corpus corpus) => _corpus = corpus;

    public static TheoryData<int> Lengths => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Random_substrings_find_exactly_the_items_containing_them(int length)
    {
        var random = new Random(7 + length);
        var samples = length == 1 ? 10 : 50;
        var checkedNeedles = new HashSet<string>();
        var byGrams = 0;
        while (checkedNeedles.Count < samples)
        {
            var doc = _corpus.Docs[random.Next(_corpus.Docs.Count)];
            var source = random.Next(3) switch { 0 => doc.Title, 1 => doc.Body, _ => doc.AttachmentText ?? doc.Body };
            if (source.Length < length) continue;
            var start = random.Next(source.Length - length + 1);
            var needle = source.Substring(start, length);
            // Punctuation is not indexed; a substring across it is a different question (see BigramAnalysis).
            if (!needle.All(SearchCorpus.IsHan) || !checkedNeedles.Add(needle)) continue;

            var expected = SearchCorpus.Truth(_corpus.Docs, needle);
            var found = SearchCorpus.AllIds(_corpus.Index, needle, out var total);
            Assert.True(expected.SetEquals(found),
                $"'{needle}': expected {expected.Count}, found {found.Count}; missing {string.Join(",", expected.Except(found).Take(5))}, extra {string.Join(",", found.Except(expected).Take(5))}");
            Assert.Equal(expected.Count, total);
            if (_corpus.Index.Grams.Cover(needle) is not null) byGrams++;
        }
        if (length >= 3) Assert.InRange(byGrams, 1, samples - 1); // both the gram path and the bigram phrase were checked
    }

    [Theory]
    [InlineData("低保")]
    [InlineData("拆迁")]
    [InlineData("政府")]
    [InlineData("府信")] // spans two characters of 政府信息公开 that no segmenter would cut out
    [InlineData("保拆")] // spans two words glued together
    public void Policy_words_and_word_crossing_pairs_have_full_recall(string needle)
    {
        var expected = SearchCorpus.Truth(_corpus.Docs, needle);
        var found = SearchCorpus.AllIds(_corpus.Index, needle, out _);
        Assert.True(expected.SetEquals(found), $"'{needle}': expected {expected.Count}, found {found.Count}");
    }

    [Theory]
    [InlineData("保拆迁")]     // 低保|拆迁: three characters across two words
    [InlineData("府信息")]     // inside 政府信息公开
    [InlineData("低保拆迁")]   // four characters, two whole words
    [InlineData("迁医疗救")]   // four characters across two words
    [InlineData("政府信息公开")] // six: the phrase behind the n-gram filter
    public void Three_and_four_character_queries_across_words_have_full_recall(string needle)
    {
        var expected = SearchCorpus.Truth(_corpus.Docs, needle);
        var found = SearchCorpus.AllIds(_corpus.Index, needle, out var total);
        Assert.True(expected.SetEquals(found), $"'{needle}': expected {expected.Count}, found {found.Count}");
        Assert.Equal(expected.Count, total);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Filtered_and_date_sorted_searches_find_exactly_the_matching_items_of_the_department(int length)
    {
        var random = new Random(31 + length);
        for (var checkedNeedles = 0; checkedNeedles < 20;)
        {
            var body = _corpus.Docs[random.Next(_corpus.Docs.Count)].Body;
            var needle = body.Substring(random.Next(body.Length - length + 1), length);
            if (!needle.All(SearchCorpus.IsHan)) continue;
            checkedNeedles++;
            var expected = SearchCorpus.Truth(_corpus.Docs.Where(d => d.DepartmentCode == "mz"), needle);
            var result = _corpus.Index.Search(new SearchQuery(needle, "mz", null, null, null, null, SearchSort.Newest, PageSize: 100));
            Assert.Equal(expected.Count, result.Total);
            Assert.True(result.Hits.All(h => expected.Contains(h.Id)), $"'{needle}': a hit outside the department or without the text");
        }
    }

    [Fact]
    public void Two_parts_separated_by_a_space_must_both_match()
    {
        var expected = SearchCorpus.Truth(_corpus.Docs, "低保");
        expected.IntersectWith(SearchCorpus.Truth(_corpus.Docs, "拆迁"));
        var found = SearchCorpus.AllIds(_corpus.Index, "低保 拆迁", out _);
        Assert.NotEmpty(expected);
        Assert.True(expected.SetEquals(found));
    }
}
