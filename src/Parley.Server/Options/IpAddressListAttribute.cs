using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Parley.Server.Options;

/// <summary>Every entry of a string list is an IP address literal (or, with <see cref="Networks"/>, a CIDR network).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IpAddressListAttribute : ValidationAttribute
{
    /// <summary>Entries are networks such as <c>10.0.0.0/8</c> instead of single addresses.</summary>
    public bool Networks { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IEnumerable<string> entries)
        {
            return ValidationResult.Success;
        }

        var bad = entries.Where(e => Networks ? !IPNetwork.TryParse(e, out _) : !IPAddress.TryParse(e, out _)).ToList();
        return bad.Count == 0
            ? ValidationResult.Success
            : new ValidationResult(
                $"{validationContext.MemberName}: not {(Networks ? "a network (address/prefix)" : "an IP address")}: {string.Join(", ", bad)}",
                validationContext.MemberName is { } member ? [member] : []);
    }
}
