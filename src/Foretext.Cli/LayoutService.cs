// The HTTP face of the CLI (ASP.NET Core minimal API): the batch JSON shape over HTTP, font resolution, a health
// probe and the comparison page. Limits: request bodies over MaxRequestBytes get 413, texts over MaxTextLength
// or more than MaxCases cases get 400. A client that disconnects cancels the rest of its batch.

using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Foretext.Fonts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Foretext.Cli;

internal static class LayoutService
{
    public const long MaxRequestBytes = 1 << 20;
    public const int MaxTextLength = 100_000;
    public const int MaxCases = 10_000;

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApplication Build(string[] urls, bool quiet = false)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Logging.ClearProviders();
        if (!quiet)
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information); // one line per request
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        WebApplication app = builder.Build();
        ILogger log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Foretext.Service");
        var runner = new BatchRunner(SharedEngine.Engine);
        string page = ReadPage();

        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
        app.MapGet("/v1/fonts", (string? font, string? text, string? lang) =>
        {
            font ??= LayoutArguments.DefaultFont;
            if (!CssFont.TryParse(font, out CssFont? css))
            {
                return Error(400, $"cannot parse the CSS font \"{font}\"");
            }

            if (text is { Length: > MaxTextLength })
            {
                return Error(400, $"text is longer than {MaxTextLength} UTF-16 units");
            }

            return Results.Json(FontsCommand.Resolve(css, font, text, lang), CliJson.Options);
        });
        app.MapPost("/v1/layout", (HttpContext http, CancellationToken aborted) => Layout(http, runner, log, detailed: false, aborted));
        app.MapPost("/v1/lines", (HttpContext http, CancellationToken aborted) => Layout(http, runner, log, detailed: true, aborted));
        return app;
    }

    private static async Task<IResult> Layout(HttpContext http, BatchRunner runner, ILogger log, bool detailed, CancellationToken aborted)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, default, aborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(413, $"the request body is larger than {MaxRequestBytes} bytes");
        }
        catch (JsonException e)
        {
            return Error(400, $"the body is not JSON: {e.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            bool many = root.ValueKind == JsonValueKind.Array;
            if (many && detailed)
            {
                return Error(400, "/v1/lines takes one case; use /v1/layout for many");
            }

            JsonElement[] cases = many ? [.. root.EnumerateArray()] : [root];
            if (cases.Length > MaxCases)
            {
                return Error(400, $"at most {MaxCases} cases per request");
            }

            foreach (JsonElement c in cases)
            {
                if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("text", out JsonElement text) &&
                    text.ValueKind == JsonValueKind.String && text.GetString()!.Length > MaxTextLength)
                {
                    return Error(400, $"a text is longer than {MaxTextLength} UTF-16 units");
                }
            }

            var clock = Stopwatch.StartNew();
            var body = new MemoryStream();
            int failures = 0;
            using (var writer = new Utf8JsonWriter(body, s_writerOptions))
            {
                if (many)
                {
                    writer.WriteStartArray();
                }

                for (int i = 0; i < cases.Length; i++)
                {
                    aborted.ThrowIfCancellationRequested(); // the client went away: stop laying out its batch
                    var one = new MemoryStream();
                    using (var caseWriter = new Utf8JsonWriter(one, s_writerOptions))
                    {
                        if (!runner.WriteResult(cases[i], $"case {i + 1}", caseWriter, detailed))
                        {
                            failures++;
                        }
                    }

                    writer.WriteRawValue(one.ToArray(), skipInputValidation: true);
                }

                if (many)
                {
                    writer.WriteEndArray();
                }
            }

            log.LogInformation("Laid out {Cases} cases ({Failures} failed) for {Path} in {ElapsedMs} ms", cases.Length, failures, http.Request.Path.Value, clock.ElapsedMilliseconds);
            int status = !many && failures > 0 ? 400 : 200;
            return Results.Text(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), "application/json; charset=utf-8", Encoding.UTF8, status);
        }
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, CliJson.Options, statusCode: status);

    private static string ReadPage()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("index.html")
            ?? throw new InvalidOperationException("The page is missing from the assembly.");
        return new StreamReader(stream).ReadToEnd();
    }
}
