using System.Globalization;
using Gongkai.Features.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Benchmarks;

/// <summary>
/// How many terms an item of the benchmark corpus gives Lucene, by kind: bigram-field terms (one
/// per CJK character, plus words) and gram-field trigrams and four-grams. Indexing time is close to
/// proportional to this count, so it says what a change to the analysis can gain before it is timed.
/// <code>GONGKAI_SEARCH_DOCS=20000 dotnet run -c Release --project bench/Gongkai.Benchmarks -- tokens</code>
/// </summary>
public static class SearchTokenCount
{
    public static void Run(int documents)
    {
        var docs = SearchBenchCorpus.Items(1, documents).ToList();
        var grams = GramSet.Learn(docs.Take(GramSet.SampleItems).ToList(), complete: true);
        using var analyzer = BigramAnalysis.Create(() => grams);
        long chars = 0, bigramTerms = 0, trigrams = 0, fourGrams = 0;
        foreach (var d in docs)
        {
            foreach (var text in new[] { d.Title, d.Body, d.AttachmentText, d.DocumentNumber, d.IndexNumber })
            {
                if (string.IsNullOrEmpty(text)) continue;
                chars += text.Length;
                bigramTerms += Count(analyzer, SearchSchema.Body, text, _ => true);
                trigrams += Count(analyzer, SearchSchema.BodyGrams, text, length => length == 3);
                fourGrams += Count(analyzer, SearchSchema.BodyGrams, text, length => length == 4);
            }
        }
        double n = documents;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {documents:N0} items, {grams.FrequentBigrams:N0} frequent bigrams, {grams.FrequentTrigrams:N0} frequent trigrams; per item: {chars / n:F0} characters, {bigramTerms / n:F0} bigram-field terms, {trigrams / n:F0} trigrams, {fourGrams / n:F0} four-grams"));
    }

    private static long Count(Lucene.Net.Analysis.Analyzer analyzer, string field, string text, Func<int, bool> counts)
    {
        long count = 0;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (counts(term.Length)) count++;
        }
        stream.End();
        return count;
    }
}
