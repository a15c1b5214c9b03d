using Gongkai.Features.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gongkai.Tests.Search;

/// <summary>
/// <see cref="SegmentBuilder"/> must write exactly the segment IndexWriter would: the same documents
/// are indexed both ways, with the same analyzer and fields, and every term, posting, position,
/// norm, stored value and doc value is compared.
/// </summary>
public sealed class SegmentBuilderTests
{
    private static List<SearchDocument> Documents()
    {
        var docs = SearchCorpus.Generate(300);
        long id = 10_000;
        SearchDocument Odd(string title, string body, string? attachment = null, string? number = null, string? indexNumber = null) =>
            new(++id, title, body, attachment, number, indexNumber, "mz", "民政局", "tz", null, new DateOnly(2026, 3, 1), "有效", $"/items/{id}");
        docs.AddRange([
            Odd("", ""),                                                        // empty fields still get norms
            Odd("𠮷野家与吉野家", "𠮷𠮷𠮷，吉吉吉。ｶﾀｶﾅ与\uE000私用区、\uFFFD替换符"), // supplementary plane, U+E000–FFFF: term order
            Odd("ＡＢＣ２０２６年", "Ｈｅｌｌｏ　ＷＯＲＬＤ，abcdefghij 1234567890 x"), // full width, long words
            Odd("关于", "政府" + string.Concat(Enumerable.Repeat("信息公开工作，", 400)), attachment: "附件：区政府信息公开年度报告"),
            Odd("文号与索引号", "正文", number: "国办发〔2019〕60号", indexNumber: "000014349/2019-00123"), // two values in one field
            Odd("只有索引号", "正文", indexNumber: "11110105MB0000000X/2026-00001"),
            Odd(new string('长', 200), new string('a', 600) + " 词" + new string('b', 300)),  // a word cut at 255 characters
        ]);
        return docs;
    }

    [Fact]
    public void A_built_segment_is_the_segment_IndexWriter_writes()
    {
        var docs = Documents();
        var grams = GramSet.Learn(docs, complete: false);
        Assert.True(grams.FrequentBigrams > 0); // the gram fields have terms to compare

        using var byWriter = new RAMDirectory();
        using var byBuilder = new RAMDirectory();
        using (var analyzer = BigramAnalysis.Create(() => grams))
        {
            var fields = new SearchDocumentBuilder();
            using (var writer = Writer(byWriter, analyzer))
            {
                foreach (var d in docs) writer.AddDocument(fields.Build(d));
                writer.Commit();
            }
            using (var writer = Writer(byBuilder, analyzer))
            {
                var builder = new SegmentBuilder(analyzer, writer.Config.Similarity);
                foreach (var d in docs) Assert.True(builder.TryAdd(fields.Build(d)));
                using (var reader = builder.ToReader()) writer.AddIndexes(reader);
                writer.Commit();
            }
        }

        using var expected = DirectoryReader.Open(byWriter);
        using var actual = DirectoryReader.Open(byBuilder);
        var e = Assert.Single(expected.Leaves).AtomicReader;
        var a = Assert.Single(actual.Leaves).AtomicReader;
        Assert.Equal(docs.Count, a.MaxDoc);
        Assert.Equal(e.MaxDoc, a.MaxDoc);

        var fieldNames = e.FieldInfos.Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(fieldNames, a.FieldInfos.Select(f => f.Name).Order(StringComparer.Ordinal));
        foreach (var name in fieldNames)
        {
            var (ei, ai) = (e.FieldInfos.FieldInfo(name), a.FieldInfos.FieldInfo(name));
            Assert.Equal((ei.IsIndexed, ei.IndexOptions, ei.HasNorms, ei.DocValuesType), (ai.IsIndexed, ai.IndexOptions, ai.HasNorms, ai.DocValuesType));
            ComparePostings(name, e.GetTerms(name), a.GetTerms(name));
            if (ei.HasNorms) CompareValues(name, e.GetNormValues(name), a.GetNormValues(name), e.MaxDoc);
            if (ei.DocValuesType == DocValuesType.NUMERIC) CompareValues(name, e.GetNumericDocValues(name), a.GetNumericDocValues(name), e.MaxDoc);
        }
        for (var doc = 0; doc < e.MaxDoc; doc++)
        {
            Assert.Equal(Stored(e.Document(doc)), Stored(a.Document(doc)));
        }

        // And a search reads them alike: the same hits with the same scores.
        var query = new TermQuery(new Term(SearchSchema.Body, "信息"));
        var expectedHits = new IndexSearcher(expected).Search(query, 50).ScoreDocs;
        var actualHits = new IndexSearcher(actual).Search(query, 50).ScoreDocs;
        Assert.NotEmpty(expectedHits);
        Assert.Equal(expectedHits.Select(h => (h.Doc, h.Score)), actualHits.Select(h => (h.Doc, h.Score)));
    }

    [Fact]
    public void A_builder_refuses_a_document_past_its_limits_and_keeps_the_others()
    {
        var grams = GramSet.None;
        using var analyzer = BigramAnalysis.Create(() => grams);
        using var directory = new RAMDirectory();
        using var writer = Writer(directory, analyzer);
        var builder = new SegmentBuilder(analyzer, writer.Config.Similarity, postingsPerSegment: 1_000);
        var fields = new SearchDocumentBuilder();
        var ok = SearchIndexTests.Doc(1, "低保标准", body: "城乡低保标准调整");
        var huge = SearchIndexTests.Doc(2, "大", body: new string('大', 5_000)); // more postings than four segments' worth
        Assert.True(builder.TryAdd(fields.Build(ok)));
        Assert.False(builder.TryAdd(fields.Build(huge)));
        Assert.Equal(1, builder.DocCount);

        using (var reader = builder.ToReader()) writer.AddIndexes(reader);
        writer.Commit();
        using var read = DirectoryReader.Open(directory);
        Assert.Equal(1, read.NumDocs);
        Assert.Equal(1, read.DocFreq(new Term(SearchSchema.Body, "低保")));
        Assert.Equal(0, read.DocFreq(new Term(SearchSchema.Body, "大大")));
    }

    [Fact]
    public void An_immense_term_is_refused_as_IndexWriter_refuses_it_and_the_builder_goes_on()
    {
        using var analyzer = BigramAnalysis.Create(() => GramSet.None);
        using var directory = new RAMDirectory();
        using var writer = Writer(directory, analyzer);
        var builder = new SegmentBuilder(analyzer, writer.Config.Similarity);
        var immense = new Lucene.Net.Documents.Document { new Lucene.Net.Documents.StringField("code", new string('码', 11_000), Lucene.Net.Documents.Field.Store.NO) };

        Assert.ThrowsAny<ArgumentException>(() => writer.AddDocument(immense));
        Assert.ThrowsAny<ArgumentException>(() => builder.TryAdd(immense));
        Assert.Equal(0, builder.DocCount);
        Assert.True(builder.TryAdd(new SearchDocumentBuilder().Build(SearchIndexTests.Doc(1, "低保标准"))));
        Assert.Equal(1, builder.DocCount);
    }

    private static IndexWriter Writer(Lucene.Net.Store.Directory directory, Lucene.Net.Analysis.Analyzer analyzer) =>
        new(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            RAMBufferSizeMB = 256,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            UseCompoundFile = false,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });

    private static void ComparePostings(string field, Terms? expected, Terms? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(expected.Count, actual.Count);
        var (et, at) = (expected.GetEnumerator(), actual.GetEnumerator());
        DocsAndPositionsEnum? ep = null, ap = null;
        DocsEnum? ed = null, ad = null;
        while (et.MoveNext())
        {
            Assert.True(at.MoveNext(), $"{field}: {actual.Count} terms, missing {et.Term.Utf8ToString()}");
            Assert.Equal(et.Term.Utf8ToString(), at.Term.Utf8ToString());
            Assert.Equal(et.DocFreq, at.DocFreq);
            Assert.Equal(et.TotalTermFreq, at.TotalTermFreq);
            if (expected.HasPositions)
            {
                (ep, ap) = (et.DocsAndPositions(null, ep), at.DocsAndPositions(null, ap));
                while (ep.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(ep.DocID, ap.NextDoc());
                    Assert.Equal(ep.Freq, ap.Freq);
                    for (var i = 0; i < ep.Freq; i++) Assert.Equal(ep.NextPosition(), ap.NextPosition());
                }
                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, ap.NextDoc());
            }
            else
            {
                (ed, ad) = (et.Docs(null, ed), at.Docs(null, ad));
                while (ed.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) Assert.Equal(ed.DocID, ad.NextDoc());
                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, ad.NextDoc());
            }
        }
        Assert.False(at.MoveNext());
    }

    private static void CompareValues(string field, NumericDocValues? expected, NumericDocValues? actual, int maxDoc)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        for (var doc = 0; doc < maxDoc; doc++) Assert.True(expected.Get(doc) == actual.Get(doc), $"{field}, document {doc}");
    }

    private static List<string> Stored(Lucene.Net.Documents.Document doc) =>
        doc.Fields.Select(f => $"{f.Name}={f.GetStringValue()}:{f.NumericType}").ToList();
}
