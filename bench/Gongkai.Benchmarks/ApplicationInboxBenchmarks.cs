using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Organisation;
using Gongkai.Features.Accounts;
using Gongkai.Features.Applications;
using Gongkai.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Benchmarks;

/// <summary>
/// Issue 4: listing and filtering 100,000 applications in the staff inbox under 100 ms p95, on the
/// embedded SQLite database (a real file, migrated like the app's). The applications spread over
/// 30 departments and two years; about 85% are replied, the rest open, some overdue.
/// GONGKAI_INBOX_APPLICATIONS overrides the count.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class ApplicationInboxBenchmarks
{
    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P95);
    }

    private static readonly DateOnly Today = new(2026, 11, 27);
    private string _folder = "";
    private DbContextOptions<SqliteGongkaiDbContext> _options = null!;
    private DepartmentScope _office = null!;
    private DepartmentScope _department = null!;
    private string _departmentCode = "";

    public int Applications { get; } = int.TryParse(Environment.GetEnvironmentVariable("GONGKAI_INBOX_APPLICATIONS"), out var n) ? n : 100_000;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("gongkai-inbox-bench-").FullName;
        _options = new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "inbox.db")}").Options;
        using (var db = new SqliteGongkaiDbContext(_options))
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            for (var d = 1; d <= 30; d++)
                db.Departments.Add(new Department($"d{d:D2}", $"测试部门{d:D2}", CreditCode.Complete($"11110000MB{d:D7}"), OrgUnitKind.Department));
            db.SaveChanges();
        }
        var departments = new List<int>();
        using (var db = new SqliteGongkaiDbContext(_options)) departments.AddRange(db.Departments.Select(d => d.Id));

        var random = new Random(42);
        var calendar = WorkingDayCalendar.Official;
        var types = Enum.GetValues<ApplicantType>();
        // Outcomes that need a correction or fee history first are left out: a plain reply cannot carry them.
        var outcomes = Enum.GetValues<ReplyOutcome>().Except([ReplyOutcome.UnavailableUnclearAfterCorrection, ReplyOutcome.OtherNoCorrection, ReplyOutcome.OtherUnpaidFee]).ToArray();
        for (var done = 0; done < Applications;)
        {
            using var db = new SqliteGongkaiDbContext(_options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 5_000 && done < Applications; i++, done++)
            {
                var received = Today.AddDays(-random.Next(0, 700));
                var context = new TransitionContext(calendar, Today, "bench", DateTime.UtcNow);
                var intake = new ApplicationIntake(types[random.Next(types.Length)], $"申请人{random.Next(20_000)}", null, null,
                    $"申请公开{received.Year}年关于第{done}号事项的政府信息", null, "电子", ReceiptChannel.Online, received,
                    departments[random.Next(departments.Count)], $"YS{done:D10}", new string('0', 64));
                var application = new InformationApplication(intake, context);
                if (random.NextDouble() < 0.85)
                {
                    var on = calendar.AddWorkingDays(received, random.Next(1, 20)).Due;
                    application.Reply(on > Today ? Today : on, outcomes[random.Next(outcomes.Length)], "答复意见", context);
                }
                db.Applications.Add(application);
            }
            db.SaveChanges();
        }
        using (var db = new SqliteGongkaiDbContext(_options))
        {
            db.Database.ExecuteSqlRaw("ANALYZE;");
            _departmentCode = db.Departments.OrderBy(d => d.Id).Skip(6).Select(d => d.Code).First();
            var id = db.Departments.Where(d => d.Code == _departmentCode).Select(d => d.Id).First();
            _department = DepartmentScope.For(Staff(StaffRoles.Editor, id));
        }
        _office = DepartmentScope.For(Staff(StaffRoles.OfficeAdmin, null));
    }

    private static ClaimsPrincipal Staff(string role, int? department)
    {
        var identity = new ClaimsIdentity("bench");
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, "bench"));
        identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (department is { } d) identity.AddClaim(new Claim(DepartmentScope.DepartmentClaim, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(identity);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<int> InboxAsync(DepartmentScope scope, InboxFilter filter)
    {
        await using var db = new SqliteGongkaiDbContext(_options);
        var page = await ApplicationQueries.InboxAsync(db, scope, filter, Today, CancellationToken.None);
        return page.Items.Length + page.Total;
    }

    [Benchmark(Description = "office, all, page 1")]
    public Task<int> OfficeFirstPage() => InboxAsync(_office, new InboxFilter(null, null, null));

    [Benchmark(Description = "office, overdue")]
    public Task<int> OfficeOverdue() => InboxAsync(_office, new InboxFilter(null, null, true));

    [Benchmark(Description = "office, open, page 20")]
    public Task<int> OfficeOpenDeepPage() => InboxAsync(_office, new InboxFilter("open", null, null, Page: 20));

    [Benchmark(Description = "office, one department's replied")]
    public Task<int> OfficeDepartmentReplied() => InboxAsync(_office, new InboxFilter("replied", _departmentCode, null));

    [Benchmark(Description = "department staff, own inbox")]
    public Task<int> DepartmentInbox() => InboxAsync(_department, new InboxFilter(null, null, null));
}
