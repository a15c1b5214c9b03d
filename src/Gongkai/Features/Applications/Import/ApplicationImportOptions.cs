namespace Gongkai.Features.Applications.Import;

/// <summary>Settings under Gongkai:Applications:Import.</summary>
public sealed class ApplicationImportOptions
{
    public const string Section = "Gongkai:Applications:Import";

    /// <summary>Largest import file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Most data rows in one file (each row is its own transaction).</summary>
    public int MaxRows { get; set; } = 2000;
}
