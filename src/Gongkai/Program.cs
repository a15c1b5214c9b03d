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

await app.RunAsync();
return 0;
