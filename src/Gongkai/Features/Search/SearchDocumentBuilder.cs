using System.Globalization;
using Lucene.Net.Documents;
using static Gongkai.Features.Search.SearchSchema;

namespace Gongkai.Features.Search;

/// <summary>
/// Turns a <see cref="SearchDocument"/> into Lucene fields, reusing the same field objects for
/// every item on a thread, as Lucene advises: a new StringField per item builds its token stream
/// through a reflection cache behind a global lock, which cost a third of the indexing CPU on two
/// threads. Not thread-safe: one builder per indexing thread. IndexWriter has consumed the document
/// when UpdateDocument returns, so the fields can take the next item's values.
/// </summary>
internal sealed class SearchDocumentBuilder
{
    private readonly StringField _id = new(Id, "", Field.Store.YES);
    private readonly NumericDocValuesField _idSort = new(IdSort, 0);
    private readonly TextField _title = new(Title, "", Field.Store.YES);
    private readonly TextField _titleGrams = new(TitleGrams, "", Field.Store.NO);
    private readonly TextField _body = new(Body, "", Field.Store.NO);
    private readonly TextField _bodyGrams = new(BodyGrams, "", Field.Store.NO);
    private readonly StoredField _bodyStored = new(BodyStored, "");
    private readonly TextField _attachment = new(Attachment, "", Field.Store.NO);
    private readonly TextField _attachmentGrams = new(AttachmentGrams, "", Field.Store.NO);
    private readonly StoredField _attachmentStored = new(AttachmentStored, "");
    private readonly TextField _documentNumber = new(Number, "", Field.Store.NO);
    private readonly TextField _documentNumberGrams = new(NumberGrams, "", Field.Store.NO);
    private readonly TextField _indexNumber = new(Number, "", Field.Store.NO);
    private readonly TextField _indexNumberGrams = new(NumberGrams, "", Field.Store.NO);
    private readonly StoredField _indexNumberStored = new(IndexNumber, "");
    private readonly StringField _department = new(Department, "", Field.Store.NO);
    private readonly StoredField _departmentName = new(DepartmentName, "");
    private readonly StringField _category = new(Category, "", Field.Store.NO);
    private readonly StringField _theme = new(Theme, "", Field.Store.NO);
    private readonly StringField _year = new(Year, "", Field.Store.NO);
    private readonly StringField _validity = new(Validity, "", Field.Store.NO);
    private readonly NumericDocValuesField _published = new(Published, 0);
    private readonly StoredField _publishedStored = new(Published, 0);
    private readonly StoredField _url = new(Url, "");

    /// <summary>
    /// Body and attachment text are indexed whole but stored only up to this many characters, for
    /// snippets: an attachment can be a 300-page PDF. A match beyond it is found, and its snippet
    /// shows the start of the body instead.
    /// </summary>
    public const int StoredTextLimit = 10_000;

    public Document Build(SearchDocument d)
    {
        _id.SetStringValue(d.Id.ToString(CultureInfo.InvariantCulture));
        _idSort.SetInt64Value(d.Id);
        _title.SetStringValue(d.Title ?? "");
        _titleGrams.SetStringValue(d.Title ?? "");
        _body.SetStringValue(d.Body ?? "");
        _bodyGrams.SetStringValue(d.Body ?? "");
        _bodyStored.SetStringValue(Cut(d.Body));
        _department.SetStringValue(d.DepartmentCode ?? "");
        _departmentName.SetStringValue(d.DepartmentName ?? "");
        _category.SetStringValue(d.CategoryCode ?? "");
        _year.SetStringValue(d.PublishedOn.Year.ToString(CultureInfo.InvariantCulture));
        _validity.SetStringValue(d.Validity ?? "");
        _published.SetInt64Value(d.PublishedOn.DayNumber);
        _publishedStored.SetInt32Value(d.PublishedOn.DayNumber);
        _url.SetStringValue(d.Url ?? "");
        var doc = new Document
        {
            _id, _idSort, _title, _body, _bodyStored, _department, _departmentName, _category, _year, _validity,
            _published, _publishedStored, _url, _titleGrams, _bodyGrams,
        };
        if (!string.IsNullOrEmpty(d.AttachmentText))
        {
            _attachment.SetStringValue(d.AttachmentText);
            _attachmentGrams.SetStringValue(d.AttachmentText);
            _attachmentStored.SetStringValue(Cut(d.AttachmentText));
            doc.Add(_attachment);
            doc.Add(_attachmentGrams);
            doc.Add(_attachmentStored);
        }
        if (!string.IsNullOrEmpty(d.DocumentNumber))
        {
            _documentNumber.SetStringValue(d.DocumentNumber);
            _documentNumberGrams.SetStringValue(d.DocumentNumber);
            doc.Add(_documentNumber);
            doc.Add(_documentNumberGrams);
        }
        if (!string.IsNullOrEmpty(d.IndexNumber))
        {
            _indexNumber.SetStringValue(d.IndexNumber);
            _indexNumberGrams.SetStringValue(d.IndexNumber);
            _indexNumberStored.SetStringValue(d.IndexNumber);
            doc.Add(_indexNumber);
            doc.Add(_indexNumberGrams); // the gram path must see every value the bigram field holds
            doc.Add(_indexNumberStored);
        }
        if (!string.IsNullOrEmpty(d.ThemeCode))
        {
            _theme.SetStringValue(d.ThemeCode);
            doc.Add(_theme);
        }
        return doc;
    }

    private static string Cut(string? text) =>
        text is null ? "" : text.Length <= StoredTextLimit ? text
        : text[..(char.IsHighSurrogate(text[StoredTextLimit - 1]) ? StoredTextLimit - 1 : StoredTextLimit)];
}
