using Gongkai.Hosting;

// Verbs (migrate, backup, restore, verify-audit) run and exit; anything else starts the server.
var verb = CommandLine.Parse(args);
if (verb.Error is not null)
{
    await Console.Error.WriteLineAsync(verb.Error);
    return 2;
}

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(verb.HostArgs);
    // Started from another folder (a service, a script): still read the settings shipped beside the binaries,
    // at the lowest precedence so that the working folder's file, the environment and the command line win.
    var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
    if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")) && File.Exists(shipped))
    {
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = shipped, Optional = true };
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
    }
    builder.AddGongkai();
    app = builder.Build();
    app.UseGongkai();
    await app.PrepareAsync(runningAsServer: verb.Name is null);
}
catch (ConfigurationProblemException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 3;
}

if (verb.Name is not null) return await CommandLine.RunAsync(app, verb);

try
{
    await app.RunAsync();
}
catch (ConfigurationProblemException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 3;
}
catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    await Console.Error.WriteLineAsync($"Cannot listen: {e.Message} 端口已被占用，请用 --urls 指定其他地址。");
    return 4;
}
return 0;
