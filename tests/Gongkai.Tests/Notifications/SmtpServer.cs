using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Gongkai.Tests.Notifications;

/// <summary>A message as the SMTP server received it, decoded.</summary>
public sealed record ReceivedMail(string EnvelopeTo, string FromName, string FromAddress, string To, string Subject, string Body);

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd with its Mailbox handler, which
/// stores each message in a Maildir before it answers 250, so a message is on disk by the time
/// the sender's SendAsync returns.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gongkai-smtp-").FullName;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public SmtpServer(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }
    private string MailDir => Path.Combine(_root, "maildir");

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>scripts/test sets GONGKAI_PYTHON; otherwise Debian's python3, which sees python3-aiosmtpd even when a pyenv one comes first on PATH.</summary>
    private static string Python =>
        Environment.GetEnvironmentVariable("GONGKAI_PYTHON") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDir })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode} (apt-get install python3-aiosmtpd): {Output}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages()
    {
        var folder = Path.Combine(MailDir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder)
            .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Time)
            .Select(f => Read(f.File))
            .ToList();
    }

    private static ReceivedMail Read(string file)
    {
        using var message = MimeMessage.Load(file);
        var from = message.From.Mailboxes.Single();
        return new ReceivedMail(
            message.Headers["X-RcptTo"] ?? "",
            from.Name ?? "",
            from.Address,
            string.Join(",", message.To.Mailboxes.Select(m => m.Address)),
            message.Subject ?? "",
            (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }

    public void Clear()
    {
        foreach (var sub in new[] { "new", "cur", "tmp" })
        {
            var folder = Path.Combine(MailDir, sub);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder)) File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
            _process.Dispose();
        }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
