using Parley.Domain.Tenants;
using Parley.Server.Api.TenantSettings;

namespace Parley.Server.Web.Admin;

/// <summary>The tenant's settings being edited: the form binds these; <see cref="ToRequest"/> is the REST API's body.</summary>
public sealed class TenantSettingsForm
{
    private const decimal Mebibyte = 1024 * 1024;

    private TenantSettingsDto _read = null!;

    public string TimeZone { get; set; } = "";

    /// <summary>The hosts flows' HTTP blocks may call, one per line.</summary>
    public string FlowHttpAllowedHosts { get; set; } = "";

    /// <summary>The largest attachment in MiB (the API takes bytes).</summary>
    public decimal? AttachmentMaxMebibytes { get; set; }

    /// <summary>The attachment types accepted (all unticked: the defaults).</summary>
    public HashSet<string> AttachmentContentTypes { get; } = new(StringComparer.Ordinal);

    public string Name => _read.Name;

    public string Slug => _read.Slug;

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long Version => _read.Version;

    /// <summary>The lines of the hosts box, in order, as the API numbers them (<c>flowHttpAllowedHosts/2</c>).</summary>
    public IReadOnlyList<string> HostLines => FlowHttpAllowedHosts.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static TenantSettingsForm From(TenantSettingsDto s)
    {
        var form = new TenantSettingsForm
        {
            _read = s,
            TimeZone = s.TimeZone,
            FlowHttpAllowedHosts = string.Join('\n', s.FlowHttpAllowedHosts),
            AttachmentMaxMebibytes = Math.Round(s.AttachmentMaxBytes / Mebibyte, 2),
        };
        form.AttachmentContentTypes.UnionWith(s.AttachmentContentTypes);
        return form;
    }

    public TenantSettingsRequest ToRequest() => new(
        TimeZone.Trim(),
        HostLines,
        AttachmentMaxMebibytes is { } mib ? (long)Math.Round(mib * Mebibyte) : null,
        [.. AttachmentLimits.Recognised.Where(AttachmentContentTypes.Contains)]);
}
