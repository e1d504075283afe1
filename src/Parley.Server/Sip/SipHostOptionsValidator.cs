using System.Net;
using Microsoft.Extensions.Options;

namespace Parley.Server.Sip;

/// <summary>Checks what data annotations cannot: addresses parse, the certificate file exists, ports do not clash.</summary>
internal sealed class SipHostOptionsValidator : IValidateOptions<SipHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SipHostOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.Address, out _))
        {
            failures.Add($"Parley:Sip:Address '{options.Address}' is not an IP address.");
        }

        foreach (var trusted in options.Defence.TrustedAddresses)
        {
            if (!IPAddress.TryParse(trusted, out _))
            {
                failures.Add($"Parley:Sip:Defence:TrustedAddresses entry '{trusted}' is not an IP address.");
            }
        }

        foreach (var proxy in options.Defence.ProxyAddresses)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                failures.Add($"Parley:Sip:Defence:ProxyAddresses entry '{proxy}' is not an IP address.");
            }
        }

        if (options.TlsCertificatePath is { } path)
        {
            if (!File.Exists(path))
            {
                failures.Add($"Parley:Sip:TlsCertificatePath '{path}' does not exist.");
            }

            if (options.TlsPort == options.Port && options.Port != 0)
            {
                failures.Add("Parley:Sip:TlsPort must differ from Parley:Sip:Port.");
            }
        }

        var registrar = options.Registrar;
        if (registrar.MinExpires > registrar.MaxExpires || registrar.DefaultExpires < registrar.MinExpires || registrar.DefaultExpires > registrar.MaxExpires)
        {
            failures.Add("Parley:Sip:Registrar needs MinExpires <= DefaultExpires <= MaxExpires.");
        }

        failures.AddRange(SipAdmissionValidation.Failures(options.Admission));

        try
        {
            options.SessionTimers.Validate();
        }
        catch (ArgumentOutOfRangeException)
        {
            failures.Add("Parley:Sip:SessionTimers needs MinimumSeconds >= 90 and IntervalSeconds = 0 or >= MinimumSeconds.");
        }

        foreach (var root in options.TlsTrustedRoots)
        {
            if (!File.Exists(root))
            {
                failures.Add($"Parley:Sip:TlsTrustedRoots entry '{root}' does not exist.");
            }
        }

        if (options.TlsKeyPath is { } key && !File.Exists(key))
        {
            failures.Add($"Parley:Sip:TlsKeyPath '{key}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
