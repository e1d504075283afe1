using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Domain.Security;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Conventions;

/// <summary>Every error is RFC 9457 problem details, with field-level messages and never an internal detail.</summary>
public sealed class ProblemDetailsTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string ProblemJson = "application/problem+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"name":"x","permissions":"users.read"}""")]
    [InlineData("""{"name":5,"permissions":[]}""")]
    [InlineData("[1,2,3]")]
    public async Task MalformedJson_Is400ProblemWithoutInternals(string body)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/roles", content, Ct);
        await response.ExpectAsync(400);
        await AssertCleanProblemAsync(response);
    }

    [Fact]
    public async Task AValueOfTheWrongType_IsNamedByItsPath()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var content = new StringContent("""{"name":5,"permissions":[]}""", Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/roles", content, Ct);
        await response.ExpectAsync(400);
        var detail = (await AssertCleanProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("$.name", detail, StringComparison.Ordinal);
        Assert.Contains("not of the type this request expects", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongContentType_Is415Problem()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var content = new StringContent("""{"name":"plain","permissions":[]}""", Encoding.UTF8, "text/plain");
        using var response = await admin.PostAsync("/api/v1/roles", content, Ct);
        await response.ExpectAsync(415);
        await AssertCleanProblemAsync(response);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413Problem()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var description = new string('x', 1024 * 1024);
        using var content = new StringContent(JsonSerializer.Serialize(new { name = "huge", description, permissions = Array.Empty<string>() }), Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/roles", content, Ct);
        await response.ExpectAsync(413);
        await AssertCleanProblemAsync(response);
    }

    [Fact]
    public async Task InvalidFields_Are400WithAMessagePerField()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/roles", new { name = "Not A Slug!", description = new string('d', 600), permissions = new[] { Permissions.UsersRead } }, Ct);
        await response.ExpectAsync(400);
        var errors = (await AssertCleanProblemAsync(response)).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToArray();
        Assert.Contains("name", fields);
        Assert.Contains("description", fields);
        Assert.All(errors.EnumerateObject(), field => Assert.NotEmpty(field.Value.EnumerateArray()));
    }

    [Fact]
    public async Task AWeakPassword_Is400WithPasswordErrors()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = Names.Unique("weak"), password = "short" }, Ct);
        await response.ExpectAsync(400);
        var errors = (await AssertCleanProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.GetProperty("password").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.GetAsync("/api/v1/no-such-thing", Ct);
        await response.ExpectAsync(404);
        await AssertCleanProblemAsync(response);
    }

    [Theory]
    [InlineData("/no/such/page", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("/no/such/page", "application/json", ProblemJson)]
    [InlineData("/no/such/page", null, ProblemJson)]
    [InlineData("/api/v1/no-such-thing", "text/html,application/xhtml+xml,*/*;q=0.8", ProblemJson)]
    public async Task AnUnknownPage_IsAPageForABrowser_AndProblemDetailsForEveryoneElse(string path, string? accept, string contentType)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        if (contentType == "text/html")
        {
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MissingObject_Is404Problem()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.GetAsync($"/api/v1/users/{Guid.NewGuid()}", Ct);
        await response.ExpectAsync(404);
        await AssertCleanProblemAsync(response);
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Is428_AndWithAStaleOne_Is412()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var role = await admin.CreateRoleAsync(Names.Unique("versioned"), Permissions.UsersRead);
        var url = $"/api/v1/roles/{role.GetProperty("id").GetGuid()}";
        var version = role.GetProperty("version").GetInt64();
        var change = new { name = role.GetProperty("name").GetString(), permissions = new[] { Permissions.UsersRead, Permissions.RolesRead } };

        using (var missing = await admin.PutJsonAsync(url, change, ifMatch: null))
        {
            await missing.ExpectAsync(428);
            await AssertCleanProblemAsync(missing);
        }

        using (var stale = await admin.PutJsonAsync(url, change, $"\"{version + 7}\""))
        {
            await stale.ExpectAsync(412);
            await AssertCleanProblemAsync(stale);
        }

        using var read = await admin.GetAsync(url, Ct);
        var etag = read.Headers.ETag?.ToString();
        Assert.Equal($"\"{version}\"", etag);
        using (var current = await admin.PutJsonAsync(url, change, etag))
        {
            await current.ExpectAsync(200);
            Assert.Equal($"\"{version + 1}\"", current.Headers.ETag?.ToString());
        }

        // The ETag just used is now stale: a second writer with the old one loses.
        using var second = await admin.PutJsonAsync(url, change, etag);
        await second.ExpectAsync(412);
    }

    [Fact]
    public async Task CursorPagination_WalksEveryItemOnceInOrder()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        for (var i = 0; i < 3; i++)
        {
            await admin.CreateRoleAsync(Names.Unique("paged"), Permissions.UsersRead);
        }

        var all = (await admin.GetJsonAsync("/api/v1/roles?limit=200")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.True(all.Count >= 8);
        var walked = await WalkAsync(admin, "/api/v1/roles", r => r.GetProperty("name").GetString()!);
        Assert.Equal(all, walked);
        Assert.Equal(walked.Count, walked.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(walked.Order(StringComparer.Ordinal), walked);
    }

    [Fact]
    public async Task AuditPagination_WalksEveryEntryOnceNewestFirst()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        for (var i = 0; i < 5; i++)
        {
            await admin.CreateRoleAsync(Names.Unique("audited-page"), Permissions.UsersRead);
        }

        var walked = await WalkAsync(admin, "/api/v1/audit", e => e.GetProperty("sequence").GetInt64());
        Assert.True(walked.Count >= 5);
        Assert.Equal(walked.OrderDescending(), walked);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(1, walked[^1]);
    }

    [Theory]
    [InlineData("/api/v1/roles?cursor=%25%25not-base64")]
    [InlineData("/api/v1/users?cursor=!!!")]
    [InlineData("/api/v1/audit?cursor=bm90LWEtbnVtYmVy")]
    public async Task ABadCursor_Is400(string url)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.GetAsync(url, Ct);
        await response.ExpectAsync(400);
        Assert.True((await AssertCleanProblemAsync(response)).GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Theory]
    [InlineData("/api/v1/roles?limit=0")]
    [InlineData("/api/v1/calls?limit=0")]
    [InlineData("/api/v1/recordings?limit=201")]
    [InlineData("/api/v1/interactions?limit=-1")]
    [InlineData("/api/v1/audit?limit=1000")]
    [InlineData("/api/v1/callbacks?limit=-5")]
    [InlineData("/api/v1/internal-chat?limit=501")]
    public async Task ALimitOutsideOneTo200_Is400_NotAPageOfAnotherSize(string url)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.GetAsync(url, Ct);
        await response.ExpectAsync(400);
        Assert.True((await AssertCleanProblemAsync(response)).GetProperty("errors").TryGetProperty("limit", out _));
    }

    private static async Task<List<T>> WalkAsync<T>(HttpClient client, string url, Func<JsonElement, T> key)
    {
        var items = new List<T>();
        string? cursor = null;
        for (var pages = 0; pages < 500; pages++)
        {
            var page = await client.GetJsonAsync($"{url}?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var batch = page.GetProperty("items").EnumerateArray().Select(key).ToList();
            Assert.InRange(batch.Count, 0, 2);
            items.AddRange(batch);
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                return items;
            }
        }

        Assert.Fail("pagination never ended");
        return items;
    }

    private static async Task<JsonElement> AssertCleanProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(ProblemJson, response.ContentType());
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Parley.", body, StringComparison.Ordinal);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
