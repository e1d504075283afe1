using Microsoft.Extensions.Options;
using Parley.Server.Options;

namespace Parley.Server.Application.Attachments;

/// <summary>
/// Where attachments' bytes live: <c>{DataDirectory}/tenants/{tenantId}/attachments/{id}</c>, inside the tenant's folder that
/// the tenant's deletion removes as a whole (<see cref="Tenants.TenantAdministration.DeleteAsync"/>). The file name is the id
/// (a GUID), never anything the client sent.
/// </summary>
public sealed class AttachmentStore(IOptions<ParleyOptions> options)
{
    private readonly string _root = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "tenants");

    public string Directory(Guid tenantId) => Path.Combine(_root, tenantId.ToString("D"), "attachments");

    public string PathOf(Guid tenantId, Guid id) => Path.Combine(Directory(tenantId), id.ToString("D"));
}
