namespace Gongkai.Features.Operations;

public sealed class BackupException(string message) : Exception(message);

public static class BackupService
{
    public static Task<string> CreateAsync(IServiceProvider services, string? outFile, CancellationToken ct) =>
        throw new BackupException("backup not written yet");

    public static Task RestoreAsync(IServiceProvider services, string from, CancellationToken ct) =>
        throw new BackupException("restore not written yet");
}
