using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Parley.Sip.Auth;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

public sealed partial class SipStack
{
    /// <summary>
    /// Places a call: INVITE with the SDP offer to <paramref name="target"/> (sip:user@host[:port][;transport=tcp]),
    /// answering one digest challenge when credentials are given. On 2xx the ACK is sent and the dialog returned.
    /// </summary>
    public async Task<SipCallResult> InviteAsync(string target, ReadOnlyMemory<byte> sdp, SipInviteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SipInviteOptions();
        // With a route set (a Path the device registered through), the request goes to its first proxy (RFC 3261 §8.1.2).
        var uri = options.Route.Count > 0 ? SipNameAddress.Parse(options.Route[0]).Uri : SipUri.Parse(target);
        var transportName = (uri.Parameters.Get("transport") ?? (uri.Scheme == "sips" ? "tls" : "udp")).ToUpperInvariant();
        var transport = _transports.Find(t => t.Name == transportName) ?? throw new InvalidOperationException($"No {transportName} transport is running.");
        var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : (await Dns.GetHostAddressesAsync(uri.Host, cancellationToken).ConfigureAwait(false))[0];
        var remote = new IPEndPoint(address, uri.Port ?? (transportName == "TLS" ? 5061 : 5060));
        var flow = await transport.GetFlowAsync(remote, uri.Host, cancellationToken).ConfigureAwait(false);

        var callId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@parley";
        var fromTag = SipMessageFactory.NewTag();
        var from = (options.FromDisplayName is null ? string.Empty : QuotedString.Quote(options.FromDisplayName) + " ")
            + $"<{options.From ?? "sip:parley@" + LocalHost(flow)}>;tag={fromTag}";
        var to = $"<{target}>";
        var sessionSeconds = Options.SessionTimers.IntervalSeconds;
        var invite = BuildInvite(target, from, to, callId, 1, sdp, flow, options, null, sessionSeconds);
        var prack = new SipPrackSender(this, invite, flow);
        Task<SipResponse> Send(SipRequest request)
        {
            prack = new SipPrackSender(this, request, flow);
            return SendInviteAsync(request, flow, options, prack, cancellationToken);
        }

        var response = await Send(invite).ConfigureAwait(false);
        string? authorization = null;
        if (response.StatusCode is 401 or 407 && options.Username is not null && options.Password is not null && !cancellationToken.IsCancellationRequested)
        {
            authorization = Authorize(response, invite, options.Username, options.Password);
            invite = BuildInvite(target, from, to, callId, prack.LastCSeq + 1, sdp, flow, options, authorization, sessionSeconds);
            response = await Send(invite).ConfigureAwait(false);
        }

        if (response.StatusCode == 422 && SipSessionExpires.TryParseMinimum(response.Headers.GetValue(SipHeaderKind.MinSE), out var minimum)
            && minimum > sessionSeconds && !cancellationToken.IsCancellationRequested)
        {
            // RFC 4028 §7.4: the callee wants a longer interval; ask again with its Min-SE.
            invite = BuildInvite(target, from, to, callId, prack.LastCSeq + 1, sdp, flow, options, authorization, minimum);
            response = await Send(invite).ConfigureAwait(false);
        }

        if (!response.IsSuccess)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new SipCallResult(response.StatusCode, response, null);
        }

        var routeSet = new List<string>();
        foreach (var h in response.Headers)
        {
            if (h.Kind == SipHeaderKind.RecordRoute)
            {
                routeSet.Insert(0, h.Value);
            }
        }

        var remoteTarget = response.Contacts.Count > 0 ? response.Contacts[0].Uri.ToString() : target;
        var dialog = new SipDialog(this, isUac: true, callId, fromTag, response.To.Tag ?? string.Empty, from,
            response.Headers.GetValue(SipHeaderKind.To)!, remoteTarget, routeSet, prack.LastCSeq, 0, flow)
        {
            LocalSdp = sdp,
            RemoteSdp = response.Body,
        };
        var ack = new SipRequest(SipMethods.Ack, remoteTarget);
        ack.Headers.Add(SipHeaderKind.Via, NewVia(flow));
        ack.Headers.Add(SipHeaderKind.MaxForwards, "70");
        ack.Headers.Add(SipHeaderKind.From, from);
        ack.Headers.Add(SipHeaderKind.To, response.Headers.GetValue(SipHeaderKind.To)!);
        ack.Headers.Add(SipHeaderKind.CallId, callId);
        ack.Headers.Add(SipHeaderKind.CSeq, CSeqText(invite.CSeq.Number, SipMethods.Ack));
        foreach (var route in routeSet)
        {
            ack.Headers.Add(SipHeaderKind.Route, route);
        }

        dialog.AckBytes = ack.ToBytes();
        dialog.PeerAllowsUpdate = response.Allow.Contains(SipMethods.Update, StringComparer.OrdinalIgnoreCase);
        ApplySessionTimerAsUac(dialog, response);
        _dialogs[dialog.Id] = dialog;
        await flow.SendAsync(dialog.AckBytes).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            // The 2xx crossed our CANCEL: the call exists, so end it properly.
            await dialog.ByeAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new SipCallResult(response.StatusCode, response, dialog);
    }

    /// <summary>
    /// Sends the INVITE and waits for its final response. Cancelling sends CANCEL (after the first provisional, as
    /// RFC 3261 §9.1 asks) and still waits for the final answer (normally 487), so the caller can clean up.
    /// </summary>
    private async Task<SipResponse> SendInviteAsync(SipRequest invite, ISipFlow flow, SipInviteOptions options, SipPrackSender prack, CancellationToken cancellationToken)
    {
        var final = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        var provisional = false;
        var cancelWanted = false;
        var cancelSent = false;
        void SendCancelOnce()
        {
            if (!cancelSent)
            {
                cancelSent = true;
                _transactions.SendRequest(CreateCancel(invite), flow, static (_, _) => { });
            }
        }

        _transactions.SendRequest(invite, flow, (_, response) =>
        {
            if (response.StatusCode < 200)
            {
                lock (gate)
                {
                    provisional = true;
                    if (cancelWanted)
                    {
                        SendCancelOnce();
                    }
                }

                prack.OnProvisional(response);
                options.OnProvisional?.Invoke(response.StatusCode);
            }
            else
            {
                final.TrySetResult(response);
            }
        });
        await using var registration = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                cancelWanted = true;
                if (provisional)
                {
                    SendCancelOnce();
                }
            }
        }).ConfigureAwait(false);
        return await final.Task.ConfigureAwait(false);
    }

    private static SipRequest CreateCancel(SipRequest invite)
    {
        var cancel = new SipRequest(SipMethods.Cancel, invite.RequestUri);
        cancel.Headers.Add(new SipHeader(SipHeaderKind.Via, invite.TopVia!.ToString()));
        cancel.Headers.Add(SipHeaderKind.MaxForwards, "70");
        cancel.Headers.Add(invite.Headers.Get(SipHeaderKind.From)!);
        cancel.Headers.Add(invite.Headers.Get(SipHeaderKind.To)!);
        cancel.Headers.Add(invite.Headers.Get(SipHeaderKind.CallId)!);
        cancel.Headers.Add(SipHeaderKind.CSeq, CSeqText(invite.CSeq.Number, SipMethods.Cancel));
        foreach (var h in invite.Headers)
        {
            if (h.Kind == SipHeaderKind.Route)
            {
                cancel.Headers.Add(h);
            }
        }

        return cancel;
    }

    internal async Task<SipResponse> SendInDialogAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, dialog.Flow, null, cancellationToken).ConfigureAwait(false);
        OnInDialogResponse(dialog, request, response);
        return response;
    }

    private static string Authorize(SipResponse challenge, SipRequest request, string username, string password)
    {
        var kind = challenge.StatusCode == 407 ? SipHeaderKind.ProxyAuthenticate : SipHeaderKind.WwwAuthenticate;
        var header = challenge.Headers.GetValue(kind) ?? throw new InvalidOperationException("Challenge without WWW-Authenticate.");
        if (!SipDigestCredentials.TryParse(header + ", username=\"x\", response=\"x\"", out var c))
        {
            throw new InvalidOperationException("Unreadable challenge.");
        }

        var algorithm = c!.Algorithm.ToUpperInvariant();
        var qop = c.Qop is null ? null : "auth";
        var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        const string Nc = "00000001";
        var digest = SipDigestAuthenticator.ComputeResponse(algorithm, username, c.Realm!, password, request.Method, request.RequestUri, c.Nonce!, qop, Nc, cnonce);
        var qopPart = qop is null ? string.Empty : $", qop=auth, nc={Nc}, cnonce=\"{cnonce}\"";
        return $"Digest username=\"{username}\", realm=\"{c.Realm}\", nonce=\"{c.Nonce}\", uri=\"{request.RequestUri}\", response=\"{digest}\", algorithm={algorithm}{qopPart}";
    }

    private SipRequest BuildInvite(string target, string from, string to, string callId, long cseq, ReadOnlyMemory<byte> sdp, ISipFlow flow, SipInviteOptions options, string? authorization, int sessionSeconds)
    {
        var invite = new SipRequest(SipMethods.Invite, target);
        invite.Headers.Add(SipHeaderKind.Via, NewVia(flow));
        invite.Headers.Add(SipHeaderKind.MaxForwards, "70");
        foreach (var route in options.Route)
        {
            invite.Headers.Add(SipHeaderKind.Route, route);
        }

        invite.Headers.Add(SipHeaderKind.From, from);
        invite.Headers.Add(SipHeaderKind.To, to);
        invite.Headers.Add(SipHeaderKind.CallId, callId);
        invite.Headers.Add(SipHeaderKind.CSeq, CSeqText(cseq, SipMethods.Invite));
        invite.Headers.Add(SipHeaderKind.Contact, ContactFor(flow));
        invite.Headers.Add(SipHeaderKind.UserAgent, Options.UserAgent);
        invite.Headers.Add(SipHeaderKind.Allow, AllowValue);
        invite.Headers.Add(SipHeaderKind.Supported, TimerOption + ", " + ReliableOption);
        if (sessionSeconds > 0)
        {
            // No refresher: the callee chooses (RFC 4028 §7.1).
            invite.Headers.Add(SipHeaderKind.SessionExpires, sessionSeconds.ToString(CultureInfo.InvariantCulture));
            invite.Headers.Add(SipHeaderKind.MinSE, Options.SessionTimers.MinimumSeconds.ToString(CultureInfo.InvariantCulture));
        }

        if (authorization is not null)
        {
            invite.Headers.Add(SipHeaderKind.Authorization, authorization);
        }

        foreach (var (name, value) in options.Headers)
        {
            invite.Headers.Add(name, value);
        }

        if (!sdp.IsEmpty)
        {
            invite.Headers.Add(SipHeaderKind.ContentType, "application/sdp");
            invite.Body = sdp;
        }

        return invite;
    }

    private Task<SipResponse> SendAsync(SipRequest request, ISipFlow flow, SipInviteOptions? options, CancellationToken cancellationToken)
    {
        var tcs = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _transactions.SendRequest(request, flow, (_, response) =>
        {
            if (response.StatusCode < 200)
            {
                options?.OnProvisional?.Invoke(response.StatusCode);
            }
            else
            {
                tcs.TrySetResult(response);
            }
        });
        return tcs.Task.WaitAsync(cancellationToken);
    }
}
