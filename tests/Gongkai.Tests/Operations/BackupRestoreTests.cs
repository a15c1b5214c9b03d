using System.Net;
using System.Net.Http.Json;
using Gongkai.Data;
using Gongkai.Features.Audit;
using Gongkai.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Operations;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gongkai-backup-test-").FullName;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    public void Dispose()
    {
        _timeout.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Round_trip_restores_every_table_and_every_file_as_they_were_at_backup_time()
    {
        await using var own = await OwnApp.StartAsync();
        var app = own.App;
        using (var admin = await app.ApiAs("admin"))
        {
            var edit = await admin.PutAsJsonAsync("/api/departments/tjj", new
            {
                phone = "0451-86661234",
                officeHours = "工作日 8:30—17:00",
                leaders = new[] { new { name = "王统计", title = "局长", responsibilities = "主持全面工作" } },
            }, Ct);
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }
        TestFiles.Write(own.FilesPath, "2026/通知公告/关于开展政务公开工作的通知.pdf", TestFiles.RandomBytes(70_000));
        TestFiles.Write(own.FilesPath, "a.txt", "第一版"u8.ToArray());
        TestFiles.Write(own.FilesPath, "empty.bin", []);
        TestFiles.Write(own.FilesPath, ".hidden/附件 (1).docx", TestFiles.RandomBytes(1_000));

        var tablesAtBackup = await Snapshot.TablesAsync(app.Services);
        var filesAtBackup = Snapshot.Files(own.FilesPath);
        var zip = Path.Combine(_work, "备份.zip");
        Assert.Equal(zip, await BackupService.CreateAsync(app.Services, zip, Ct));
        Assert.Equal([zip], Directory.GetFileSystemEntries(_work)); // no temporary left beside it

        using (var admin = await app.ApiAs("admin"))
            (await admin.PutAsJsonAsync("/api/departments/tjj", new { phone = "0000", leaders = Array.Empty<object>() }, Ct)).EnsureSuccessStatusCode();
        TestFiles.Write(own.FilesPath, "a.txt", "第二版"u8.ToArray());
        TestFiles.Write(own.FilesPath, "later.txt", "备份之后"u8.ToArray());
        File.Delete(Path.Combine(own.FilesPath, "empty.bin"));
        TestFiles.Write(own.IndexPath, "segments_1", [1, 2, 3]);
        Assert.NotEqual(tablesAtBackup["Departments"], (await Snapshot.TablesAsync(app.Services))["Departments"]);

        // A restore under a running server is refused, and changes nothing.
        var running = await Assert.ThrowsAsync<BackupException>(() => BackupService.RestoreAsync(app.Services, zip, Ct));
        Assert.Contains("正被运行中的 Gongkai 服务", running.Message);
        Assert.Contains("stop every server", running.Message);
        Assert.Equal("第二版", File.ReadAllText(Path.Combine(own.FilesPath, "a.txt")));

        await own.StopServerAsync();
        await using var offline = own.Offline();
        await BackupService.RestoreAsync(offline.Services, zip, Ct);

        Snapshot.Equal(tablesAtBackup, await Snapshot.TablesAsync(offline.Services));
        Snapshot.Equal(filesAtBackup, Snapshot.Files(own.FilesPath));
        Assert.Empty(Directory.GetFileSystemEntries(own.IndexPath));
        // No staging folders or old files left in the data folder.
        Assert.DoesNotContain(Directory.GetFileSystemEntries(app.DataPath), e => Path.GetFileName(e).StartsWith(".restore-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backup_taken_during_concurrent_writes_restores_a_state_that_existed_with_an_intact_audit_chain()
    {
        await using var own = await OwnApp.StartAsync();
        var app = own.App;
        string[] codes = ["tjj", "jyj"];
        var ids = app.Db(db => db.Departments.Where(d => codes.Contains(d.Code)).ToDictionary(d => d.Code, d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var code in codes) clients[code] = await app.ApiAs("admin");
        var baseSequence = app.Db(db => db.AuditEntries.Max(e => e.Sequence));

        var done = new Dictionary<string, int> { ["tjj"] = 0, ["jyj"] = 0 };
        using var stop = new CancellationTokenSource();
        var writers = codes.Select(code => Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                var response = await clients[code].PutAsJsonAsync($"/api/departments/{code}", new { phone = $"seq-{i}" }, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                lock (done) done[code] = i;
            }
        }, Ct)).ToList();

        int Progress() { lock (done) return done.Values.Sum(); }
        while (Progress() < 6) await Task.Delay(10, Ct);
        var before = Progress();
        var zip = await BackupService.CreateAsync(app.Services, Path.Combine(_work, "during-writes.zip"), Ct);
        var after = Progress();
        while (Progress() < after + 6) await Task.Delay(10, Ct); // writes went on after the backup
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        foreach (var c in clients.Values) c.Dispose();
        Assert.True(after >= before);

        await own.StopServerAsync();
        await using var offline = own.Offline();
        await BackupService.RestoreAsync(offline.Services, zip, Ct);

        await using var scope = offline.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(Ct);
        Assert.True(verification.IsIntact, verification.Describe());
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var restoredWrites = 0;
        foreach (var code in codes)
        {
            // The department shows write k exactly when the audit log holds k entries for it: one moment, not a mix.
            var phone = await db.Departments.Where(d => d.Code == code).Select(d => d.Phone).SingleAsync(Ct);
            var k = phone.StartsWith("seq-", StringComparison.Ordinal) ? int.Parse(phone[4..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var audited = await db.AuditEntries.CountAsync(e => e.Sequence > baseSequence && e.EntityType == "Department" && e.EntityId == ids[code], Ct);
            Assert.Equal(k, audited);
            restoredWrites += k;
        }
        // At most one write per writer had committed but not yet been counted when `after` was read.
        Assert.InRange(restoredWrites, before, after + codes.Length);
    }

    [Fact]
    public async Task Restore_brings_back_a_damaged_database()
    {
        await using var own = await OwnApp.StartAsync();
        var tablesAtBackup = await Snapshot.TablesAsync(own.App.Services);
        var zip = await BackupService.CreateAsync(own.App.Services, Path.Combine(_work, "before-damage.zip"), Ct);
        await own.StopServerAsync();

        await using var offline = own.Offline();
        if (own.App.Database.IsPostgres)
        {
            await using var scope = offline.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Database
                .ExecuteSqlRawAsync("DROP TABLE \"Departments\" CASCADE", Ct);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = Path.Combine(own.App.DataPath, "gongkai.db");
            await File.WriteAllBytesAsync(file, TestFiles.RandomBytes((int)new FileInfo(file).Length), Ct);
        }

        await BackupService.RestoreAsync(offline.Services, zip, Ct);
        Snapshot.Equal(tablesAtBackup, await Snapshot.TablesAsync(offline.Services));
    }
}
