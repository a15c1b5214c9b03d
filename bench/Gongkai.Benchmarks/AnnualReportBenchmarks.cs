using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Gongkai.Data;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Organisation;
using Gongkai.Features.AnnualReports;
using Gongkai.Features.Catalogue;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Benchmarks;

/// <summary>
/// Issue 5: computing a year's annual report (tables 二, 三 and 四, the facts the drafts quote) over a
/// year with 100,000 applications and a catalogue of 1,000,000 items, under 2 seconds, on SQLite (a
/// real file) and on PostgreSQL (when GONGKAI_BENCH_POSTGRES holds a connection string to an empty
/// database, e.g. from scripts/pg-throwaway). GONGKAI_REPORT_APPLICATIONS and GONGKAI_REPORT_ITEMS
/// override the sizes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class AnnualReportBenchmarks
{
    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P95);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private const int Year = 2025;
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly string? PostgresConnection = Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES");

    private readonly TimeProvider _clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private string _folder = "";
    private bool _keep;
    private Func<GongkaiDbContext> _open = null!;
    private string _departmentCode = "";

    public static IEnumerable<string> Providers => PostgresConnection is null ? ["Sqlite"] : ["Sqlite", "PostgreSQL"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "Sqlite";

    public int Applications { get; } = Size("GONGKAI_REPORT_APPLICATIONS", 100_000);
    public int Items { get; } = Size("GONGKAI_REPORT_ITEMS", 1_000_000);

    private static int Size(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : fallback;

    [GlobalSetup]
    public void Setup()
    {
        if (Provider == "Sqlite")
        {
            // GONGKAI_REPORT_DB keeps the seeded SQLite file for another run (or for EXPLAIN in sqlite3).
            var kept = Environment.GetEnvironmentVariable("GONGKAI_REPORT_DB");
            _keep = kept is not null;
            _folder = kept is null ? Directory.CreateTempSubdirectory("gongkai-report-bench-").FullName : Path.GetDirectoryName(Path.GetFullPath(kept))!;
            var file = kept is null ? Path.Combine(_folder, "report.db") : Path.GetFullPath(kept);
            var options = new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite($"Data Source={file}").Options;
            _open = () => new SqliteGongkaiDbContext(options);
            if (_keep && File.Exists(file))
            {
                using var existing = _open();
                existing.Database.Migrate();
                _departmentCode = "d07";
                return;
            }
        }
        else
        {
            var options = new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql(PostgresConnection).Options;
            _open = () => new PostgresGongkaiDbContext(options);
        }
        using (var db = _open())
        {
            db.Database.EnsureDeleted();
            db.Database.Migrate();
            if (Provider == "Sqlite") db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.Departments.Add(new Department("qzf", "测试区人民政府", CreditCode.Complete("11110000MB0000000"), OrgUnitKind.Government));
            for (var d = 1; d <= 30; d++)
                db.Departments.Add(new Department($"d{d:D2}", $"测试部门{d:D2}", CreditCode.Complete($"11110000MB{d:D7}"), OrgUnitKind.Department));
            db.Categories.Add(new CatalogueCategory { Code = "bench", Name = "测试栏目", Basis = "" });
            db.SaveChanges();
        }
        List<int> departments;
        int category;
        using (var db = _open())
        {
            departments = [.. db.Departments.OrderBy(d => d.Id).Select(d => d.Id)];
            category = db.Categories.Select(c => c.Id).First();
            _departmentCode = db.Departments.Where(d => d.Id == departments[7]).Select(d => d.Code).First();
        }
        SeedItems(departments, category);
        SeedApplications(departments);
        using (var db = _open()) db.Database.ExecuteSqlRaw(Provider == "Sqlite" ? "ANALYZE;" : "ANALYZE;");
    }

    /// <summary>
    /// One statement per 100,000 items: 2% 规章, 10% 行政规范性文件, written 2014–2026, 90% published,
    /// 1 in 37 repealed some time after it was written.
    /// </summary>
    private void SeedItems(List<int> departments, int category)
    {
        var first = departments[0];
        var count = departments.Count;
        using var db = _open();
        db.Database.SetCommandTimeout(600);
        for (var start = 0; start < Items; start += 100_000)
        {
            var end = Math.Min(Items, start + 100_000);
            var sql = Provider == "Sqlite"
                ? $"""
                  WITH RECURSIVE n(i) AS (SELECT {start} UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {end}),
                  w(i, d) AS (SELECT i, date('2014-01-01', '+' || (i * 7919 % 4700) || ' days') FROM n)
                  INSERT INTO "Items" ("Title","DepartmentId","CategoryId","WrittenOn","PublishedOn","PublishedAt","Keywords","Summary","Body",
                    "Kind","Mode","State","Validity","ValidityChangedOn","Version","ViewCount","CreatedBy","CreatedAt","UpdatedAt","IndexNumber")
                  SELECT '关于第' || i || '号事项的通知', {first} + (i % {count}), {category}, d,
                    CASE WHEN i % 10 = 9 THEN NULL ELSE d END, CASE WHEN i % 10 = 9 THEN NULL ELSE d || ' 02:00:00' END,
                    '', '', '正文',
                    CASE WHEN i % 50 = 0 THEN 1 WHEN i % 10 = 1 THEN 2 ELSE 0 END, 0,
                    CASE WHEN i % 10 = 9 THEN 0 ELSE 4 END,
                    CASE WHEN i % 37 = 0 AND i % 10 <> 9 THEN 2 ELSE 0 END,
                    CASE WHEN i % 37 = 0 AND i % 10 <> 9 THEN date(d, '+' || (i % 900) || ' days') ELSE NULL END,
                    1, 0, 'bench', d || ' 01:00:00', d || ' 02:00:00',
                    CASE WHEN i % 10 = 9 THEN NULL ELSE 'B/' || i END
                  FROM w;
                  """
                : $"""
                  INSERT INTO "Items" ("Title","DepartmentId","CategoryId","WrittenOn","PublishedOn","PublishedAt","Keywords","Summary","Body",
                    "Kind","Mode","State","Validity","ValidityChangedOn","Version","ViewCount","CreatedBy","CreatedAt","UpdatedAt","IndexNumber")
                  SELECT '关于第' || i || '号事项的通知', {first} + (i % {count}), {category}, d,
                    CASE WHEN i % 10 = 9 THEN NULL ELSE d END, CASE WHEN i % 10 = 9 THEN NULL ELSE d + time '02:00' END,
                    '', '', '正文',
                    CASE WHEN i % 50 = 0 THEN 1 WHEN i % 10 = 1 THEN 2 ELSE 0 END, 0,
                    CASE WHEN i % 10 = 9 THEN 0 ELSE 4 END,
                    CASE WHEN i % 37 = 0 AND i % 10 <> 9 THEN 2 ELSE 0 END,
                    CASE WHEN i % 37 = 0 AND i % 10 <> 9 THEN d + (i % 900) ELSE NULL END,
                    1, 0, 'bench', d + time '01:00', d + time '02:00',
                    CASE WHEN i % 10 = 9 THEN NULL ELSE 'B/' || i END
                  FROM (SELECT i, date '2014-01-01' + (i::bigint * 7919 % 4700)::int AS d FROM generate_series({start}, {end - 1}) AS i) w;
                  """;
            db.Database.ExecuteSqlRaw(sql);
        }
    }

    /// <summary>
    /// <see cref="Applications"/> received in 2025 (and a tenth as many in 2024, some carried into 2025),
    /// every applicant type and outcome, about 8% still open on 31 December; one in 40 brings a review or
    /// lawsuit.
    /// </summary>
    private void SeedApplications(List<int> departments)
    {
        var random = new Random(42);
        var calendar = WorkingDayCalendar.Official;
        var types = Enum.GetValues<ApplicantType>();
        var outcomes = Enum.GetValues<ReplyOutcome>().Except([ReplyOutcome.UnavailableUnclearAfterCorrection, ReplyOutcome.OtherNoCorrection, ReplyOutcome.OtherUnpaidFee]).ToArray();
        var total = Applications + Applications / 10;
        for (var done = 0; done < total;)
        {
            using var db = _open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var remedies = new List<InformationApplication>();
            for (var i = 0; i < 5_000 && done < total; i++, done++)
            {
                var received = done < Applications
                    ? new DateOnly(Year, 1, 1).AddDays(random.Next(0, 365))
                    : new DateOnly(Year - 1, 1, 1).AddDays(random.Next(0, 365));
                var context = new TransitionContext(calendar, Today, "bench", DateTime.UtcNow);
                var intake = new ApplicationIntake(types[random.Next(types.Length)], $"申请人{random.Next(20_000)}", null, null,
                    $"申请公开关于第{done}号事项的政府信息", null, "电子", ReceiptChannel.Online, received,
                    departments[random.Next(departments.Count)], $"NB{done:D10}", new string('0', 64));
                var application = new InformationApplication(intake, context);
                if (random.NextDouble() < 0.92)
                {
                    var on = calendar.AddWorkingDays(received, random.Next(1, 20)).Due;
                    application.Reply(on, outcomes[random.Next(outcomes.Length)], "答复意见", context);
                    if (random.Next(40) == 0) remedies.Add(application);
                }
                db.Applications.Add(application);
            }
            db.SaveChanges();
            foreach (var application in remedies)
            {
                var context = new TransitionContext(calendar, Today, "bench", DateTime.UtcNow);
                var filed = application.FinishedOn!.Value.AddDays(random.Next(5, 60));
                var remedy = new RemedyCase(application, (RemedyKind)random.Next(3), filed, "测试复议机关", null, null, context);
                if (random.Next(3) > 0) remedy.Decide((RemedyResult)random.Next(1, 4), filed.AddDays(random.Next(10, 200)), context);
                db.RemedyCases.Add(remedy);
            }
            db.SaveChanges();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Provider != "Sqlite" || _keep) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<decimal> ReportAsync(string body)
    {
        await using var db = _open();
        var report = await new AnnualReportService(db, _clock).GetAsync(Year, body, CancellationToken.None);
        // Table 二's entered figures are blank here; tables 三 and 四 must balance.
        var failed = report.Applications.Check().Concat(report.ReviewLitigation.Check()).Where(c => !c.Passed).ToList();
        if (failed.Count > 0) throw new InvalidOperationException("The benchmark's report fails its checks: " + string.Join("; ", failed.Select(c => c.Detail)));
        return report.Applications[ApplicationTableLayout.New, ApplicationTable.TotalColumn] ?? 0;
    }

    [Benchmark(Description = "district government (all units), 2025")]
    public Task<decimal> DistrictGovernment() => ReportAsync(AnnualReportContent.GovernmentBody);

    [Benchmark(Description = "one department, 2025")]
    public Task<decimal> OneDepartment() => ReportAsync(_departmentCode);
}
