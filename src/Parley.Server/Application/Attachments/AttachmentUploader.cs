namespace Parley.Server.Application.Attachments;

/// <summary>Who uploads: <c>user</c>, <c>api-client</c> or <c>customer</c> (a web chat visitor), and their id.</summary>
public sealed record AttachmentUploader(string Type, string Id)
{
    public const string Customer = "customer";
}
