using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Features.Audit;

public sealed record AuditVerification(long Checked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;

    public string Describe() => IsIntact
        ? $"审计日志完整：已校验 {Checked} 条记录，哈希链无断裂。"
        : $"审计日志在第 {FirstBrokenSequence} 条记录处断裂：{Problem}。";

    /// <summary>For operators' consoles: the Chinese sentence and an English one.</summary>
    public string DescribeForConsole() => Describe() + (IsIntact
        ? $" Audit chain intact ({Checked} entries checked)."
        : $" Audit chain broken at entry {FirstBrokenSequence}.");
}

/// <summary>Walks the chain in order and reports the first entry whose hash or link does not hold.</summary>
public sealed class AuditChainVerifier(GongkaiDbContext db)
{
    private const int Batch = 2000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        long expectedSequence = 1, count = 0;
        var previousHash = AuditHash.Genesis;
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) return new AuditVerification(count, null, null);
            foreach (var e in batch)
            {
                if (e.Sequence != expectedSequence)
                    return new AuditVerification(count, expectedSequence, $"缺少第 {expectedSequence} 条记录（下一条为第 {e.Sequence} 条），记录可能被删除");
                if (e.PreviousHash != previousHash)
                    return new AuditVerification(count, e.Sequence, "与上一条记录的哈希不衔接，前面的记录可能被修改或删除");
                e.OccurredAt = DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc);
                if (AuditHash.Compute(e) != e.Hash)
                    return new AuditVerification(count, e.Sequence, "记录内容与其哈希不符，记录可能被修改");
                previousHash = e.Hash;
                expectedSequence++;
                count++;
                after = e.Sequence;
            }
        }
    }
}
