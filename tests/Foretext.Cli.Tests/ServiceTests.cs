// The HTTP API through a real server on loopback: shapes, status codes and limits.

using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Foretext.Cli.Tests;

[Collection(ServiceCollection.Name)]
public sealed class ServiceTests(ServiceFixture service)
{
    private const string Case = """{"id":"a","text":"Hello world, hello world","font":"16px \"Noto Serif\", serif","lineHeight":20,"width":60}""";

    [Fact]
    public async Task Healthz_answers_ok()
    {
        string body = await service.Client.GetStringAsync("/healthz");
        Assert.Equal("ok", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Layout_takes_one_case_and_answers_like_batch()
    {
        HttpResponseMessage response = await Post("/v1/layout", Case);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        var batch = new BatchRunner(SharedEngine.Engine);
        Assert.Equal(batch.LayoutLine(Case, 1), body);
    }

    [Fact]
    public async Task Layout_takes_many_cases_and_reports_errors_per_case()
    {
        HttpResponseMessage response = await Post("/v1/layout", $"[{Case},{{\"id\":\"bad\",\"text\":\"x\"}}]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement[] results = [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
        Assert.Equal(2, results.Length);
        Assert.True(results[0].GetProperty("lineCount").GetInt32() > 1);
        Assert.Equal("bad", results[1].GetProperty("id").GetString());
        Assert.True(results[1].TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Lines_adds_text_and_width()
    {
        HttpResponseMessage response = await Post("/v1/lines", Case);
        JsonElement root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        JsonElement first = root.GetProperty("lines")[0];
        Assert.Equal("Hello", first.GetProperty("text").GetString());
        Assert.True(first.GetProperty("width").GetDouble() is > 0 and <= 60);
    }

    [Fact]
    public async Task Bad_input_gets_400_and_oversized_bodies_413()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("/v1/layout", "{not json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("/v1/lines", """{"text":"x","font":"16px","lineHeight":20,"width":60}""")).StatusCode);
        string longText = new('a', LayoutService.MaxTextLength + 1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post("/v1/lines", $"{{\"text\":\"{longText}\",\"font\":\"16px serif\",\"lineHeight\":20,\"width\":60}}")).StatusCode);
        string huge = $"{{\"text\":\"{new string('a', (int)LayoutService.MaxRequestBytes)}\"}}";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Post("/v1/layout", huge)).StatusCode);
    }

    [Fact]
    public async Task Fonts_resolves_a_font_and_rejects_a_bad_one()
    {
        JsonElement root = JsonDocument.Parse(await service.Client.GetStringAsync("/v1/fonts?font=16px%20%22Noto%20Serif%22&text=Hi")).RootElement;
        Assert.Equal("Noto Serif", root.GetProperty("faces")[0].GetProperty("family").GetString());
        Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Client.GetAsync("/v1/fonts?font=nope")).StatusCode);
    }

    [Fact]
    public async Task Page_is_served_as_html()
    {
        HttpResponseMessage response = await service.Client.GetAsync("/");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/v1/lines", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> Post(string path, string json) =>
        service.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
