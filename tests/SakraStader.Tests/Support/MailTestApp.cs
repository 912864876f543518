using Microsoft.AspNetCore.Hosting;

namespace SakraStader.Tests.Support;

/// <summary>The app with its mail sent to a <see cref="MailServer"/>; the tests run the outbox worker's passes themselves.</summary>
public sealed class MailTestApp : TestApp, IAsyncLifetime
{
    public MailServer Mail { get; private set; } = default!;

    public const string AppUrl = "https://sakrastader.test";

    public static IReadOnlyDictionary<string, string> MailSettings(int port) => new Dictionary<string, string>(MailServer.SettingsFor(port))
    {
        ["Mail:WorkerEnabled"] = "false",
        ["Mail:AppUrl"] = AppUrl,
    };

    public async Task InitializeAsync() => Mail = await MailServer.StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in MailSettings(Mail.SmtpPort))
        {
            builder.UseSetting(key, value);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Mail.DisposeAsync();
        await base.DisposeAsync();
    }
}
