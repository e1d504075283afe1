using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Conventions;

/// <summary>
/// The shared CRUD shape keeps request validation: each body's data annotations answer 400 with the field's error,
/// on create and on update, before any rule of the API runs.
/// </summary>
public sealed class VersionedResourceValidationTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "/api/v1/queues", """{"name":"Q","channels":["Voice"],"serviceLevelTargetSeconds":0}""", "serviceLevelTargetSeconds" },
        { "/api/v1/skills", $$"""{"name":"{{new string('s', 101)}}"}""", "name" },
        { "/api/v1/not-ready-reasons", """{"code":"Not A Code!","name":"Lunch"}""", "code" },
        { "/api/v1/agents", """{"userId":"0199a8e4-0000-7000-8000-000000000001","extension":"12ab"}""", "extension" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task AnInvalidBody_Is400_NamingTheField(string path, string body, string field)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync(path, content, TestContext.Current.CancellationToken);
        await response.ExpectAsync(400);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
    }
}
