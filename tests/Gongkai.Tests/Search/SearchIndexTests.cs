using Gongkai.Features.Search;

namespace Gongkai.Tests.Search;

/// <summary>Ranking, filters, sorting, paging, numbers and highlighting on a handful of known items.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly SearchIndex _index = SearchIndex.InMemory();

    internal static SearchDocument Doc(long id, string title, string body = "正文。", string? attachment = null,
        string? number = null, string? indexNumber = null, string dept = "mz", string category = "tz", string? theme = null,
        DateOnly? published = null, string validity = "有效") =>
        new(id, title, body, attachment, number, indexNumber, dept, dept + "部门", category, theme,
            published ?? new DateOnly(2026, 1, 1), validity, $"/items/{id}");

    private static SearchQuery Text(string? text, SearchSort sort = SearchSort.Relevance, int page = 1, int size = 20) =>
        new(text, null, null, null, null, null, sort, page, size);

    public void Dispose() => _index.Dispose();

    [Fact]
    public void A_two_character_word_inside_a_longer_one_is_found()
    {
        _index.Upsert([Doc(1, "区政府工作报告"), Doc(2, "街道办事处通知")]);
        _index.Commit();
        var result = _index.Search(Text("政府"));
        Assert.Equal(1, result.Total);
        Assert.Equal(1, result.Hits[0].Id);
    }

    [Fact]
    public void A_title_match_ranks_above_a_body_only_match_and_attachments_come_last()
    {
        _index.Upsert([
            Doc(1, "关于做好临时救助工作的通知", body: "低保对象的认定，低保标准，低保资金，低保审批。"),
            Doc(2, "城乡低保标准调整", body: "自明年起执行。"),
            Doc(3, "会议纪要", body: "会议研究了若干事项。", attachment: "附件提到低保。"),
        ]);
        _index.Commit();
        var hits = _index.Search(Text("低保")).Hits;
        Assert.Equal([2L, 1L, 3L], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Document_and_index_numbers_are_found_whole_or_in_part_and_rank_above_body_mentions()
    {
        _index.Upsert([
            Doc(1, "关于进一步优化政务服务的意见", number: "国办发〔2019〕60号", indexNumber: "000014349/2019-00123"),
            Doc(2, "转发通知", body: "根据国办发〔2019〕60号文件精神。"),
            Doc(3, "另一份通知", number: "国办发〔2019〕61号"),
        ]);
        _index.Commit();
        Assert.Equal([1L, 2L], _index.Search(Text("国办发〔2019〕60号")).Hits.Select(h => h.Id));
        Assert.Equal([1L, 2L], _index.Search(Text("国办发〔２０１９〕６０号")).Hits.Select(h => h.Id)); // full-width digits
        Assert.Equal([1L], _index.Search(Text("000014349/2019-00123")).Hits.Select(h => h.Id));
        Assert.Equal([1L], _index.Search(Text("00123")).Hits.Select(h => h.Id));
        Assert.Equal(3, _index.Search(Text("2019")).Total);
        Assert.Equal([1L, 2L], _index.Search(Text("60号")).Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void Longer_queries_need_the_whole_string_not_just_its_pieces()
    {
        _index.Upsert([
            Doc(1, "通知", body: "2026年城乡低保标准调整。"),
            Doc(2, "通知", body: "城乡低保与乡低保标：2026年标准。"), // every 4-gram of 城乡低保标, but not the string
            Doc(3, "通知", body: "城乡低 保户。"),
            Doc(4, "通知", body: "“低保户”名单。"),
        ]);
        _index.Commit();
        Assert.Equal([1L], Ids(Text("城乡低保标")));
        Assert.Equal([1L], Ids(Text("城乡低保标准")));
        Assert.Equal([1L], Ids(Text("2026年城乡低保"))); // a number glued to a run of five characters
        Assert.Equal([1L, 2L], Ids(Text("城乡低保")));
        Assert.Equal([1L, 2L, 3L], Ids(Text("城乡低")));
        Assert.Equal([4L], Ids(Text("低保户")));        // 低 保户 in item 3 is not 低保户
        Assert.Equal([4L], Ids(Text("「低保户」")));     // punctuation around the run changes nothing
        Assert.Equal("“<mark>低保户</mark>”名单。", _index.Search(Text("低保户")).Hits.Single().Snippet);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_count_as_one()
    {
        _index.Upsert([Doc(1, "𠮷野家与吉野家", body: "𡈽𠮷𡈽。"), Doc(2, "吉野家")]);
        _index.Commit();
        Assert.Equal([1L], Ids(Text("𠮷野家")));
        Assert.Equal([1L], Ids(Text("𠮷野家与")));
        Assert.Equal([1L], Ids(Text("𡈽𠮷𡈽")));
        Assert.Equal([1L, 2L], Ids(Text("吉野家")));
        Assert.Equal("<mark>𠮷野家</mark>与吉野家", _index.Search(Text("𠮷野家")).Hits.Single().TitleHighlighted);
    }

    [Fact]
    public void Filters_narrow_by_department_category_theme_year_and_validity()
    {
        _index.Upsert([
            Doc(1, "低保通知", dept: "mz", category: "tz", theme: "sh", published: new(2025, 3, 1), validity: "有效"),
            Doc(2, "低保公告", dept: "mz", category: "gg", theme: "sh", published: new(2026, 3, 1), validity: "失效"),
            Doc(3, "低保政策", dept: "zj", category: "tz", theme: null, published: new(2026, 5, 1), validity: "废止"),
        ]);
        _index.Commit();
        SearchQuery Q(string? dept = null, string? cat = null, string? theme = null, int? year = null, string? validity = null) =>
            new("低保", dept, cat, theme, year, validity);
        Assert.Equal([1L, 2L], Ids(Q(dept: "mz")));
        Assert.Equal([1L, 3L], Ids(Q(cat: "tz")));
        Assert.Equal([1L, 2L], Ids(Q(theme: "sh")));
        Assert.Equal([2L, 3L], Ids(Q(year: 2026)));
        Assert.Equal([2L], Ids(Q(validity: "失效")));
        Assert.Equal([3L], Ids(Q(validity: "废止")));
        Assert.Equal([2L], Ids(Q(dept: "mz", year: 2026)));
        Assert.Empty(Ids(Q(dept: "nobody")));
        Assert.Equal([1L, 2L], Ids(new SearchQuery(null, "mz", null, null, null, null))); // filters alone list items
    }

    private IEnumerable<long> Ids(SearchQuery q) => _index.Search(q).Hits.Select(h => h.Id).Order();

    [Fact]
    public void Sorting_by_date_and_paging_are_consistent()
    {
        _index.Upsert(Enumerable.Range(1, 45).Select(i => Doc(i, $"拆迁公告第{i}号", published: new DateOnly(2026, 1, 1).AddDays(i % 30))));
        _index.Commit();

        var newest = _index.Search(Text("拆迁", SearchSort.Newest, size: 100)).Hits;
        Assert.Equal(45, newest.Count);
        Assert.Equal(newest.Select(h => h.PublishedOn).OrderDescending(), newest.Select(h => h.PublishedOn));
        var oldest = _index.Search(Text("拆迁", SearchSort.Oldest, size: 100)).Hits;
        Assert.Equal(newest.Select(h => h.Id).Reverse(), oldest.Select(h => h.Id));

        var page1 = _index.Search(Text("拆迁", SearchSort.Newest, page: 1, size: 20));
        var page2 = _index.Search(Text("拆迁", SearchSort.Newest, page: 2, size: 20));
        var page3 = _index.Search(Text("拆迁", SearchSort.Newest, page: 3, size: 20));
        Assert.All(new[] { page1, page2, page3 }, r => Assert.Equal(45, r.Total));
        Assert.Equal([20, 20, 5], new[] { page1, page2, page3 }.Select(r => r.Hits.Count));
        Assert.Empty(page1.Hits.Select(h => h.Id).Intersect(page2.Hits.Select(h => h.Id)));
        Assert.Equal(newest.Select(h => h.Id), page1.Hits.Concat(page2.Hits).Concat(page3.Hits).Select(h => h.Id));
        Assert.Empty(_index.Search(Text("拆迁", page: 99)).Hits);
        Assert.Equal(0f, page1.Hits[0].Score);
    }

    [Fact]
    public void Snippets_mark_whole_matches_and_escape_html()
    {
        var body = new string('前', 200) + "城乡低保标准<script>alert('x')</script>&调整" + new string('后', 200);
        _index.Upsert([Doc(1, "关于<b>低保</b>的通知", body: body)]);
        _index.Commit();
        var hit = Assert.Single(_index.Search(Text("低保")).Hits);
        Assert.Contains("<mark>低保</mark>", hit.Snippet);
        Assert.DoesNotContain("<mark>低</mark>", hit.Snippet);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", hit.Snippet);
        Assert.Contains("&amp;", hit.Snippet);
        Assert.DoesNotContain("<script>", hit.Snippet);
        Assert.StartsWith("…", hit.Snippet);
        Assert.EndsWith("…", hit.Snippet);
        Assert.True(hit.Snippet.Length < 250);
        Assert.Equal("关于&lt;b&gt;<mark>低保</mark>&lt;/b&gt;的通知", hit.TitleHighlighted);
        Assert.Equal("关于<b>低保</b>的通知", hit.Title);
    }

    [Fact]
    public void Overlapping_and_adjacent_matches_become_one_mark()
    {
        _index.Upsert([Doc(1, "低保低保户", body: "城乡低保 低保 医疗救助", attachment: "附件")]);
        _index.Commit();
        var hit = Assert.Single(_index.Search(Text("低保 医疗")).Hits);
        Assert.Equal("<mark>低保低保</mark>户", hit.TitleHighlighted);
        Assert.Equal("城乡<mark>低保</mark> <mark>低保</mark> <mark>医疗</mark>救助", hit.Snippet);
    }

    [Fact]
    public void A_match_only_in_the_attachment_shows_the_attachment_in_the_snippet()
    {
        _index.Upsert([Doc(1, "会议纪要", body: "研究了若干事项。", attachment: "附件：困难群众临时救助名单")]);
        _index.Commit();
        var hit = Assert.Single(_index.Search(Text("临时救助")).Hits);
        Assert.Equal("附件：困难群众<mark>临时救助</mark>名单", hit.Snippet);
        Assert.Equal("研究了若干事项。", _index.Search(new SearchQuery(null, null, null, null, null, null)).Hits[0].Snippet);
    }

    // New items are inverted by each indexing thread's SegmentBuilder and reach the writer later, as
    // a segment; a change or delete of an item still held there must not be overtaken by it.

    [Fact]
    public void An_item_changed_again_before_the_commit_is_found_once_by_its_last_version()
    {
        _index.Upsert([Doc(1, "旧的标题低保"), Doc(2, "其他通知")]); // an empty index: held to learn the gram set
        _index.Upsert([Doc(1, "新的标题拆迁")]);
        _index.Commit();
        _index.Upsert([Doc(3, "第三份通知救助"), Doc(4, "第四份通知")]); // a non-empty index: into the builders
        _index.Upsert([Doc(3, "第三份通知补贴")]);
        _index.Commit();

        Assert.Equal(4, _index.Count);
        Assert.Equal(0, _index.Search(Text("低保")).Total);
        Assert.Equal([1L], _index.Search(Text("拆迁")).Hits.Select(h => h.Id));
        Assert.Equal(0, _index.Search(Text("救助")).Total);
        Assert.Equal([3L], _index.Search(Text("补贴")).Hits.Select(h => h.Id));
    }

    [Fact]
    public void An_item_deleted_before_the_commit_that_would_have_added_it_stays_out()
    {
        _index.Upsert([Doc(1, "第一份通知")]);
        _index.Commit();
        _index.Upsert([Doc(2, "第二份通知"), Doc(3, "第三份通知")]);
        _index.Delete([2L]);
        _index.Commit();

        Assert.Equal([1L, 3L], _index.Search(Text("通知")).Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void Many_new_items_become_several_segments_and_are_all_found()
    {
        var first = SearchCorpus.Generate(3_000);
        var second = SearchCorpus.Generate(3_000, seed: 7).Select(d => d with { Id = d.Id + 10_000 }).ToList();
        foreach (var batch in first.Chunk(500)) _index.Upsert(batch);
        _index.Commit();
        _index.Upsert(second);
        _index.Commit();

        Assert.Equal(6_000, _index.Count);
        foreach (var word in SearchCorpus.Words.Take(5))
        {
            var expected = first.Concat(second).Count(d => $"{d.Title}|{d.Body}|{d.AttachmentText}|{d.DocumentNumber}|{d.IndexNumber}".Contains(word, StringComparison.Ordinal));
            Assert.True(expected > 0);
            Assert.Equal(expected, _index.Search(Text(word)).Total);
        }
    }
}
