using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Benchmarks;

/// <summary>
/// Adds published items to an existing Gongkai PostgreSQL database (migrated, with its departments
/// and catalogue, e.g. the demo district), for the million-item memory run (bench/scale/million.sh).
/// The text is the search benchmark's corpus (<see cref="SearchBenchCorpus"/>): each item's body is
/// the corpus body followed by its attachment text, so an item carries the same characters to index
/// (about 1,300 on average). Rows go in through binary COPY, 100,000 per transaction; no change-log
/// rows are written, so an instance must rebuild its index (start it with an empty index folder).
/// <code>GONGKAI_BENCH_POSTGRES="Host=…;Database=gongkai" dotnet Gongkai.Benchmarks.dll seed-items 1000000</code>
/// </summary>
public static class ItemSeed
{
    private const int PerTransaction = 100_000;
    private const int Published = (int)Gongkai.Domain.Publishing.ItemState.Published;

    public static void Run(string connectionString, int count)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var departments = Ids(connection, """SELECT "Id" FROM "Departments" ORDER BY "Id" """);
        var categories = Ids(connection, """
            SELECT c."Id" FROM "Categories" c
            WHERE c."IsActive" AND NOT EXISTS (SELECT 1 FROM "Categories" k WHERE k."ParentId" = c."Id") ORDER BY c."Id"
            """);
        if (departments.Count == 0 || categories.Count == 0)
            throw new InvalidOperationException("The database has no departments or catalogue: start Gongkai on it once first.");

        var started = Stopwatch.GetTimestamp();
        var now = DateTime.UtcNow;
        for (var from = 0; from < count; from += PerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            using (var copy = connection.BeginBinaryImport("""
                COPY "Items" ("Title","Body","CategoryId","DepartmentId","DocumentNumber","IndexNumber","Keywords","Summary",
                  "Kind","Mode","State","Validity","Version","ViewCount","CreatedBy","CreatedAt","UpdatedAt","WrittenOn","PublishedOn","PublishedAt")
                FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var n = from; n < Math.Min(count, from + PerTransaction); n++)
                {
                    var item = SearchBenchCorpus.Item(n + 1);
                    var publishedAt = item.PublishedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                    copy.StartRow();
                    copy.Write(item.Title.Length > 200 ? item.Title[..200] : item.Title, NpgsqlDbType.Varchar);
                    copy.Write(Html(item.Body, item.AttachmentText), NpgsqlDbType.Text);
                    copy.Write(categories[n % categories.Count], NpgsqlDbType.Integer);
                    copy.Write(departments[n % departments.Count], NpgsqlDbType.Integer);
                    if (item.DocumentNumber is null) copy.WriteNull(); else copy.Write(item.DocumentNumber, NpgsqlDbType.Varchar);
                    copy.Write(string.Create(CultureInfo.InvariantCulture, $"BENCH/{item.PublishedOn.Year}-{n + 1:D7}"), NpgsqlDbType.Varchar);
                    copy.Write("", NpgsqlDbType.Varchar);
                    copy.Write("", NpgsqlDbType.Varchar);
                    copy.Write(0, NpgsqlDbType.Integer);
                    copy.Write(0, NpgsqlDbType.Integer);
                    copy.Write(Published, NpgsqlDbType.Integer);
                    copy.Write(0, NpgsqlDbType.Integer);
                    copy.Write(1, NpgsqlDbType.Integer);
                    copy.Write(0L, NpgsqlDbType.Bigint);
                    copy.Write("bench", NpgsqlDbType.Varchar);
                    copy.Write(now, NpgsqlDbType.TimestampTz);
                    copy.Write(now, NpgsqlDbType.TimestampTz);
                    copy.Write(item.PublishedOn.AddDays(-3), NpgsqlDbType.Date);
                    copy.Write(item.PublishedOn, NpgsqlDbType.Date);
                    copy.Write(publishedAt, NpgsqlDbType.TimestampTz);
                }
                copy.Complete();
            }
            transaction.Commit();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Math.Min(count, from + PerTransaction):N0} items in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
        }
        using var analyze = new NpgsqlCommand("""ANALYZE "Items" """, connection);
        analyze.ExecuteNonQuery();
    }

    /// <summary>The corpus text as the editor's HTML: one paragraph per line.</summary>
    private static string Html(string body, string? attachment)
    {
        var text = attachment is null ? body : body + "\n" + attachment;
        return string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));
    }

    private static List<int> Ids(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return ids;
    }
}
