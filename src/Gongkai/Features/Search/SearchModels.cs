namespace Gongkai.Features.Search;

/// <summary>
/// One item as the search engine sees it. The database stays the truth; this is what the change-log
/// reader hands to <see cref="SearchIndex.Upsert"/>.
/// </summary>
public sealed record SearchDocument(
    long Id,
    string Title,
    string Body,
    string? AttachmentText,
    string? DocumentNumber, // 文号, e.g. 国办发〔2019〕60号
    string? IndexNumber,    // 索引号
    string DepartmentCode,
    string DepartmentName,
    string CategoryCode,
    string? ThemeCode,
    DateOnly PublishedOn,
    string Validity,        // 有效 / 失效 / 废止
    string Url);

/// <summary>
/// What a visitor asked for. <see cref="Text"/> is untrusted input: it is never parsed as query syntax,
/// and only its first <see cref="SearchIndex.MaxQueryLength"/> characters count.
/// Space-separated parts must all match (AND); each part matches as an exact substring.
/// Empty text lists everything that passes the filters, newest first.
/// </summary>
public sealed record SearchQuery(
    string? Text,
    string? Department, // department code
    string? Category,   // category code
    string? Theme,      // theme code
    int? Year,          // year of PublishedOn
    string? Validity,   // 有效 / 失效 / 废止
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = 20);

public enum SearchSort { Relevance, Newest, Oldest }

/// <summary>
/// One result. <see cref="TitleHighlighted"/> and <see cref="Snippet"/> are HTML-escaped with
/// &lt;mark&gt;…&lt;/mark&gt; around matches, safe to render raw. <see cref="Score"/> is 0 when sorted by date.
/// </summary>
public sealed record SearchHit(
    long Id,
    string Title,
    string TitleHighlighted,
    string Snippet,
    string DepartmentName,
    string? IndexNumber,
    DateOnly PublishedOn,
    string Url,
    float Score);

/// <summary><see cref="Total"/> counts every match; <see cref="Hits"/> is the requested page.</summary>
public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, TimeSpan Took);

/// <summary>
/// The index folder is held by another process (or another <see cref="SearchIndex"/> in this one).
/// Not wiped: that would destroy a live index. Give each instance its own data folder.
/// </summary>
public sealed class SearchIndexLockedException : Exception
{
    public SearchIndexLockedException() { }
    public SearchIndexLockedException(string message) : base(message) { }
    public SearchIndexLockedException(string message, Exception inner) : base(message, inner) { }
}
