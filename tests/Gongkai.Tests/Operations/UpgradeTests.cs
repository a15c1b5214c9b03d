using System.Data.Common;
using System.Globalization;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Operations;

/// <summary>
/// An upgrade never loses data: a database left at the first migration, filled through plain SQL
/// the way that version wrote it, is migrated to the latest, and every row and column it had is
/// still there, unchanged. On the provider under test (SQLite or PostgreSQL).
/// </summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task A_database_filled_at_the_first_migration_keeps_every_row_after_upgrading_to_the_latest()
    {
        await using var own = OwnApp.Unstarted();
        Gongkai.Data.DatabaseSetup.PrepareDataFolder(new Gongkai.Hosting.GongkaiOptions { DataPath = own.App.DataPath });
        await using var app = own.Offline();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.True(migrations.Count >= 3, "there should be several migrations to upgrade across");
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[0]);
        Assert.Equal(migrations.Skip(1), await db.Database.GetPendingMigrationsAsync());

        // What the first version stored: departments, a community, a queued e-mail, a calendar year.
        var at = DateTime.SpecifyKind(new DateTime(2026, 3, 2, 1, 30, 0), DateTimeKind.Utc);
        foreach (var (code, name, sort) in new[] { ("zfb", "区政府办公室", 1), ("jyj", "区教育局", 2), ("mzj", "区民政局", 3) })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Departments\" (\"Code\", \"Name\", \"CreditCode\", \"Kind\", \"Duties\", \"Address\", \"OfficeHours\", \"Phone\", \"SortOrder\", \"IsActive\") " +
                "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})",
                code, name, "11330100MB" + sort.ToString("D8", CultureInfo.InvariantCulture), 1, name + "的职责：依法履行政府信息公开义务。",
                "明湖区人民路" + sort + "号", "工作日 9:00-17:00", "0571-8800000" + sort, sort, sort != 3);
        }
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Notifications\" (\"Channel\", \"Recipient\", \"Subject\", \"Body\", \"State\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\", \"Reference\") " +
            "VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})",
            0, "office@minghu.gov.cn", "升级前排队的邮件", "正文：第三十三条答复期限提醒。", 0, 2, at, at.AddMinutes(4), "upgrade-test:1");
        var before = await ReadAllAsync(db);
        Assert.Equal(3, before["Departments"].Rows.Count);
        Assert.Single(before["Notifications"].Rows);

        await migrator.MigrateAsync(); // to the latest, as `migrate` and a server start do
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var after = await ReadAllAsync(db, before);
        foreach (var (table, old) in before)
            Assert.True(old.Rows.SequenceEqual(after[table].Rows), $"{table} changed in the upgrade:\n{string.Join("\n", old.Rows)}\n→\n{string.Join("\n", after[table].Rows)}");
        // And the upgraded database is usable through the current model.
        Assert.Equal(["区政府办公室", "区教育局", "区民政局"], await db.Departments.OrderBy(d => d.SortOrder).Select(d => d.Name).ToListAsync());
        Assert.Equal("upgrade-test:1", (await db.Notifications.SingleAsync()).Reference);
    }

    private sealed record Table(List<string> Columns, List<string> Rows);

    /// <summary>Every table and column there is now (or, with <paramref name="only"/>, those of an earlier read), rows as sorted text.</summary>
    private static async Task<Dictionary<string, Table>> ReadAllAsync(GongkaiDbContext db, Dictionary<string, Table>? only = null)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (only is not null)
            {
                foreach (var (table, t) in only) columns[table] = t.Columns;
            }
            else
            {
                await using var list = connection.CreateCommand();
                list.CommandText = db.Database.IsNpgsql()
                    ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
                    : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var table = reader.GetString(0);
                    if (table == "__EFMigrationsHistory") continue; // grows by design
                    if (!columns.TryGetValue(table, out var names)) columns[table] = names = [];
                    names.Add(reader.GetString(1));
                }
            }
            var result = new Dictionary<string, Table>(StringComparer.Ordinal);
            foreach (var (table, names) in columns)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT {string.Join(", ", names.Select(n => $"\"{n}\""))} FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                    rows.Add(string.Join(" | ", names.Select((n, i) => $"{n}={Format(reader, i)}")));
                rows.Sort(StringComparer.Ordinal);
                result[table] = new Table(names, rows);
            }
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Format(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) return "NULL";
        return reader.GetValue(i) switch
        {
            byte[] bytes => Convert.ToHexString(bytes),
            DateTime d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        };
    }
}
