namespace Gongkai.Hosting;

/// <summary>Settings under "Gongkai" (environment variables Gongkai__Xxx).</summary>
public sealed class GongkaiOptions
{
    public const string Section = "Gongkai";

    /// <summary>Folder for the SQLite database, the search index and uploaded files. Relative to the working folder.</summary>
    public string DataPath { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Seed the demo district and its demo accounts on first start.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Password for every demo account; when empty, each gets a random one printed at first start.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>Apply pending migrations when the server starts (the embedded default). The `migrate` command always can.</summary>
    public bool MigrateAtStartup { get; set; } = true;

    /// <summary>The public address of the portal, used in e-mails and QR codes.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Lifetime of an API bearer token.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Token requests per client address and minute, against password guessing across accounts.</summary>
    public int TokenRequestsPerMinute { get; set; } = 20;

    /// <summary>Send cookies only over HTTPS. On by default behind TLS; the plain-HTTP loopback default leaves it to the request.</summary>
    public bool RequireHttpsCookies { get; set; }

    public string FullDataPath => Path.GetFullPath(DataPath);
    public string FilesPath => Path.Combine(FullDataPath, "files");
    /// <summary>
    /// This instance's search index folder; default &lt;DataPath&gt;/index. Instances that share one
    /// data folder (the files on shared storage) each set their own: an index belongs to one process.
    /// </summary>
    public string IndexPath
    {
        get => string.IsNullOrWhiteSpace(_indexPath) ? Path.Combine(FullDataPath, "index") : Path.GetFullPath(_indexPath);
        set => _indexPath = value;
    }

    private string? _indexPath;
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (default) or "PostgreSQL".</summary>
    public string Provider { get; set; } = "Sqlite";
}

public enum DatabaseProvider { Sqlite, PostgreSQL }

/// <summary>A configuration problem that stops the server from starting; the message is for the operator.</summary>
public sealed class ConfigurationProblemException : Exception
{
    public ConfigurationProblemException(string message) : base(message) { }
    public ConfigurationProblemException() { }
    public ConfigurationProblemException(string message, Exception inner) : base(message, inner) { }
}
