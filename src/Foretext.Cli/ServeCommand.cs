// `foretext serve [--urls URL]`: runs LayoutService until Ctrl+C.

using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Foretext.Cli;

internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen; several separated by ;.", DefaultValueFactory = _ => DefaultUrl };
        var command = new Command("serve", $"""
            Serves the layout API and the comparison page until Ctrl+C. JSON logs go to standard output.
              GET  /             a page comparing Chromium's own wrapping with Foretext's, as you move the width
              POST /v1/layout    one case or an array of cases (the batch JSONL shape); results in the batch shape
              POST /v1/lines     one case; each line also gets its width and text
              GET  /v1/fonts     ?font=CSS&text=T&lang=L: the faces and runs, as fonts resolve --json
              GET  /healthz      {"{"}"status":"ok"{"}"}
            Limits: bodies over {LayoutService.MaxRequestBytes} bytes get 413; texts over {LayoutService.MaxTextLength}
            UTF-16 units or more than {LayoutService.MaxCases} cases get 400; a case that cannot be laid out gets 400
            (alone) or an "error" field (in an array).
            Examples:
              foretext serve
              foretext serve --urls http://127.0.0.1:8080
              curl -s localhost:5080/v1/layout -d '{"{"}"text":"Hello world","font":"16px serif","lineHeight":20,"width":40{"}"}'
            Exit codes: 0 stopped by Ctrl+C or SIGTERM, 1 could not listen, 2 bad usage.
            """);
        command.Options.Add(urls);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string[] list = parseResult.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string url in list)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
                {
                    parseResult.Err().WriteLine($"foretext serve: \"{url}\" is not an http:// URL (see foretext serve --help)");
                    return ExitCodes.Usage;
                }
            }

            try
            {
                await using WebApplication app = LayoutService.Build(list);
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (IOException e)
            {
                parseResult.Err().WriteLine($"foretext serve: cannot listen on {string.Join(", ", list)}: {CommandRunner.OneLine(e.Message)}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
